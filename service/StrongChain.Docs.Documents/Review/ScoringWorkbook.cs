using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrongChain.Docs.Documents.Export;
using StrongChain.Docs.Domain.Review;

namespace StrongChain.Docs.Documents.Review;

/// <summary>What a panel's score workbook lists: the demand, the expert (blank when staff download it), the criteria and the applications.</summary>
public sealed record ScoringSheetInfo(string DemandId, string DemandTitle, string? ExpertId, IReadOnlyList<ScoringCriterion> Criteria,
    IReadOnlyList<(string ReceiptNo, string Organisation)> Applications);

/// <summary>
/// The score workbook (评分表) of one panel: marker cells (demand B1, expert B2), a header row of the criteria with their weights,
/// one row per application, score cells validated 0–100 in Excel; and its reader back into a <see cref="ScoreSheet"/>.
/// </summary>
public static class ScoringWorkbook
{
    private const uint HeaderStyle = 1;

    public static byte[] Build(ScoringSheetInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = ReviewWorkbook.Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var headers = Headers(info.Criteria);
            var data = new SheetData(
                new Row(ReviewWorkbook.Text(0, 1, "需求编号", HeaderStyle), ReviewWorkbook.Text(1, 1, info.DemandId), ReviewWorkbook.Text(2, 1, info.DemandTitle)) { RowIndex = 1 },
                new Row(ReviewWorkbook.Text(0, 2, "专家编号", HeaderStyle), ReviewWorkbook.Text(1, 2, info.ExpertId)) { RowIndex = 2 },
                new Row(ReviewWorkbook.Text(0, 3, "说明", HeaderStyle),
                    ReviewWorkbook.Text(1, 3, "每项评分0—100分，最多两位小数；加权总分由平台按权重计算。请勿修改需求编号、受理编号与表头。")) { RowIndex = 3 });
            var header = new Row { RowIndex = ScoringLayout.HeaderRow };
            header.Append(headers.Select((h, c) => ReviewWorkbook.Text(c, ScoringLayout.HeaderRow, h, HeaderStyle)));
            data.Append(header);
            for (var r = 0; r < info.Applications.Count; r++)
            {
                var index = (uint)(ScoringLayout.HeaderRow + 1 + r);
                data.Append(new Row(ReviewWorkbook.Text(0, index, info.Applications[r].ReceiptNo), ReviewWorkbook.Text(1, index, info.Applications[r].Organisation)) { RowIndex = index });
            }

            var lastRow = ScoringLayout.HeaderRow + Math.Max(1, info.Applications.Count);
            var columns = new Columns(headers.Select((_, c) => new Column
            { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = c == 0 ? 22 : c == 1 ? 32 : c == headers.Count - 1 ? 40 : 18, CustomWidth = true }));
            var firstScore = ReviewWorkbook.Column(2);
            var lastScore = ReviewWorkbook.Column(1 + info.Criteria.Count);
            var range = $"{firstScore}{ScoringLayout.HeaderRow + 1}:{lastScore}{lastRow}";
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                { VerticalSplit = 2, HorizontalSplit = ScoringLayout.HeaderRow, TopLeftCell = $"C{ScoringLayout.HeaderRow + 1}", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0, TabSelected = true }),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                columns,
                data,
                new DataValidations(new DataValidation(new Formula1("0"), new Formula2(ScoringCriteria.MaxScore.ToString(CultureInfo.InvariantCulture)))
                {
                    Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                    ErrorTitle = "分数超出范围", Error = "请填写0到100之间的分数。", SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                }) { Count = 1 });
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = ScoringLayout.SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an uploaded score workbook (already past the upload guard); never throws for what people typed.</summary>
    public static ScoreSheet Read(SpreadsheetDocument document, IReadOnlyList<ScoringCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(criteria);
        var workbookPart = document.WorkbookPart;
        var sheet = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == ScoringLayout.SheetName)
            ?? workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbookPart is null || sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
        {
            return new ScoreSheet(null, new ScoreCell(ScoringLayout.ExpertCell, null), [], [], Readable: false);
        }

        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var cell in part.Worksheet?.Descendants<Cell>() ?? [])
        {
            if (cell.CellReference?.Value is { } reference)
            {
                cells[reference] = TextOf(cell, shared);
            }
        }

        var headerColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < 64; c++)
        {
            if (cells.GetValueOrDefault($"{ReviewWorkbook.Column(c)}{ScoringLayout.HeaderRow}")?.Trim() is { Length: > 0 } text)
            {
                headerColumns.TryAdd(text, ReviewWorkbook.Column(c));
            }
        }

        var receiptColumn = headerColumns.GetValueOrDefault(ScoringLayout.ReceiptHeader) ?? "A";
        var criterionColumns = criteria
            .Select(c => (c.Key, Column: headerColumns.FirstOrDefault(h => h.Key == c.Header || h.Key.StartsWith(c.Name, StringComparison.Ordinal)).Value))
            .ToList();
        var lastRow = cells.Keys.Select(RowOf).DefaultIfEmpty(0).Max();
        var rows = new List<ScoreSheetRow>();
        for (var r = ScoringLayout.HeaderRow + 1; r <= lastRow; r++)
        {
            var row = r;
            rows.Add(new ScoreSheetRow(row, Cell(receiptColumn, row),
                criterionColumns.Where(c => c.Column is not null).ToDictionary(c => c.Key, c => Cell(c.Column!, row), StringComparer.Ordinal)));
        }

        return new ScoreSheet(cells.GetValueOrDefault(ScoringLayout.DemandCell)?.Trim(), Cell("B", 2),
            [.. criterionColumns.Where(c => c.Column is null).Select(c => c.Key)], rows);

        ScoreCell Cell(string column, int row)
        {
            var address = string.Create(CultureInfo.InvariantCulture, $"{column}{row}");
            return new ScoreCell(address, cells.GetValueOrDefault(address));
        }
    }

    private static List<string> Headers(IReadOnlyList<ScoringCriterion> criteria) =>
        [ScoringLayout.ReceiptHeader, ScoringLayout.OrganisationHeader, .. criteria.Select(c => c.Header), ScoringLayout.CommentHeader];

    private static string? TextOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : null;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        // A number Excel stored as a double (85.299999999999997) reads as the value it shows.
        if (cell.DataType is null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString("0.##########", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static int RowOf(string reference) =>
        int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsLetter).Count()), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
}
