using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StrongChain.Docs.Documents.Export;

/// <summary>One latest application in the review workbook.</summary>
public sealed record ReviewRow(
    string ReceiptNo,
    string DemandId,
    string? DemandTitle,
    string Organisation,
    string CreditCode,
    string? OrgType,
    string? Region,
    int CoApplicantCount,
    decimal? BudgetTotal,
    decimal? RequestedSupport,
    bool Complete,
    bool Eligible,
    int ErrorCount,
    int WarningCount,
    int Version,
    DateTimeOffset SubmittedAt);

/// <summary>The staff's review workbook (评审汇总表): sheet 申报汇总, one row per latest application, a frozen header and a filter.</summary>
public static class ReviewWorkbook
{
    public const string SheetName = "申报汇总";

    public static IReadOnlyList<string> Headers { get; } =
    [
        "受理编号", "需求编号", "需求名称", "申报单位", "统一社会信用代码", "单位性质", "所在地区", "联合申报单位数",
        "项目总预算（万元）", "申请支持资金（万元）", "形式审查完整", "符合申报条件", "错误数", "提示数", "版本", "提交时间",
    ];

    internal const uint HeaderStyle = 1;
    internal const uint AmountStyle = 2;

    public static byte[] Build(IReadOnlyList<ReviewRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var c = 0; c < Headers.Count; c++)
            {
                header.Append(Text(c, 1, Headers[c], HeaderStyle));
            }

            data.Append(header);
            for (var r = 0; r < rows.Count; r++)
            {
                var x = rows[r];
                var index = (uint)(r + 2);
                var row = new Row { RowIndex = index };
                row.Append(
                    Text(0, index, x.ReceiptNo), Text(1, index, x.DemandId), Text(2, index, x.DemandTitle), Text(3, index, x.Organisation),
                    Text(4, index, x.CreditCode), Text(5, index, x.OrgType), Text(6, index, x.Region), Number(7, index, x.CoApplicantCount),
                    Number(8, index, x.BudgetTotal, AmountStyle), Number(9, index, x.RequestedSupport, AmountStyle),
                    Text(10, index, x.Complete ? "是" : "否"), Text(11, index, x.Eligible ? "是" : "否"),
                    Number(12, index, x.ErrorCount), Number(13, index, x.WarningCount), Number(14, index, x.Version),
                    // Beijing time as text: the review is done in the round's zone and Excel has no zones.
                    Text(15, index, x.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
                data.Append(row);
            }

            var lastRow = Math.Max(1, rows.Count + 1);
            var columns = new Columns();
            for (var c = 0; c < Headers.Count; c++)
            {
                var width = c is 2 or 3 ? 36 : c is 0 or 4 or 15 ? 22 : 14;
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0, TabSelected = true }),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                columns,
                data,
                new AutoFilter { Reference = $"A1:{Column(Headers.Count - 1)}{lastRow}" });

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{SheetName}'!$A$1:${Column(Headers.Count - 1)}${lastRow}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
        }

        return buffer.ToArray();
    }

    internal static Cell Text(int column, uint row, string? value, uint style = 0)
    {
        var cell = new Cell { CellReference = Column(column) + row };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }

        if (!string.IsNullOrEmpty(value))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        }

        return cell;
    }

    internal static Cell Number(int column, uint row, decimal? value, uint style = 0)
    {
        var cell = new Cell { CellReference = Column(column) + row };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }

        if (value is { } v)
        {
            cell.CellValue = new CellValue(v);
        }

        return cell;
    }

    internal static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    internal static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) { Count = 3 });
}
