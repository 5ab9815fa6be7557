using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrongChain.Docs.Domain.Dashboard;

namespace StrongChain.Docs.Documents.Export;

/// <summary>
/// The dashboard as a workbook: sheet 概览 (the round's settings, totals per sector and in all, warnings) and sheet 需求明细
/// (one row per published demand). Numbers are numbers, amounts in 万元 with two decimals, so staff can sum and chart them.
/// </summary>
public static class DashboardWorkbook
{
    public const string SummarySheet = "概览";
    public const string DemandSheet = "需求明细";

    public static IReadOnlyList<string> SummaryHeaders { get; } =
    [
        "领域", "发布需求", "申报", "符合条件", "入选", "协议起草", "协议签署", "联合体", "承诺支持资金（万元）", "联合投入（万元）",
        "节点未到期", "节点逾期", "节点按期", "节点延期",
    ];

    public static IReadOnlyList<string> DemandHeaders { get; } =
        ["需求编号", "需求名称", "领域", "申报", "符合条件", "入选", "协议起草", "协议签署", "承诺支持资金（万元）"];

    public const string AllSectors = "合计";

    public static byte[] Build(RoundDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = ReviewWorkbook.Styles();
            var summary = workbookPart.AddNewPart<WorksheetPart>();
            summary.Worksheet = new Worksheet(Widths(SummaryHeaders.Count, 0), Summary(dashboard));
            var demands = workbookPart.AddNewPart<WorksheetPart>();
            demands.Worksheet = new Worksheet(Widths(DemandHeaders.Count, 1), Demands(dashboard));
            workbookPart.Workbook = new Workbook(new Sheets(
                new Sheet { Name = SummarySheet, SheetId = 1, Id = workbookPart.GetIdOfPart(summary) },
                new Sheet { Name = DemandSheet, SheetId = 2, Id = workbookPart.GetIdOfPart(demands) }));
        }

        return buffer.ToArray();
    }

    private static SheetData Summary(RoundDashboard d)
    {
        var data = new SheetData();
        uint r = 1;
        void Pair(string label, string? text, decimal? number = null)
        {
            var row = new Row { RowIndex = r };
            row.Append(ReviewWorkbook.Text(0, r, label, ReviewWorkbook.HeaderStyle));
            row.Append(number is null ? ReviewWorkbook.Text(1, r, text) : ReviewWorkbook.Number(1, r, number));
            data.Append(row);
            r++;
        }

        Pair("批次", $"{d.RoundId} {d.RoundName}");
        Pair("领域", d.Sector ?? "全部");
        Pair("统计时间", $"{d.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（{d.TimeZone}）");
        Pair("联合体目标", null, d.ConsortiumTarget);
        Pair("支持资金预算（万元）", d.SupportBudget is null ? "未设定" : null, d.SupportBudget);
        r++;
        var header = new Row { RowIndex = r };
        for (var c = 0; c < SummaryHeaders.Count; c++)
        {
            header.Append(ReviewWorkbook.Text(c, r, SummaryHeaders[c], ReviewWorkbook.HeaderStyle));
        }

        data.Append(header);
        r++;
        foreach (var (name, figures) in d.BySector.Select(s => (s.Sector, s.Figures)).Append((AllSectors, d.Totals)))
        {
            data.Append(FiguresRow(r++, name, figures));
        }

        r++;
        foreach (var warning in d.Warnings)
        {
            var row = new Row { RowIndex = r };
            row.Append(ReviewWorkbook.Text(0, r, "提醒", ReviewWorkbook.HeaderStyle), ReviewWorkbook.Text(1, r, warning.Message));
            data.Append(row);
            r++;
        }

        return data;
    }

    private static Row FiguresRow(uint r, string name, DashboardFigures f)
    {
        var row = new Row { RowIndex = r };
        row.Append(
            ReviewWorkbook.Text(0, r, name), ReviewWorkbook.Number(1, r, f.DemandsPublished), ReviewWorkbook.Number(2, r, f.Applications),
            ReviewWorkbook.Number(3, r, f.Eligible), ReviewWorkbook.Number(4, r, f.Selected), ReviewWorkbook.Number(5, r, f.AgreementsDrafted),
            ReviewWorkbook.Number(6, r, f.AgreementsSigned), ReviewWorkbook.Number(7, r, f.Consortia),
            ReviewWorkbook.Number(8, r, f.FundingCommitted, ReviewWorkbook.AmountStyle), ReviewWorkbook.Number(9, r, f.JointInvestment, ReviewWorkbook.AmountStyle),
            ReviewWorkbook.Number(10, r, f.Milestones.Pending), ReviewWorkbook.Number(11, r, f.Milestones.Overdue),
            ReviewWorkbook.Number(12, r, f.Milestones.OnTime), ReviewWorkbook.Number(13, r, f.Milestones.Late));
        return row;
    }

    private static SheetData Demands(RoundDashboard d)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < DemandHeaders.Count; c++)
        {
            header.Append(ReviewWorkbook.Text(c, 1, DemandHeaders[c], ReviewWorkbook.HeaderStyle));
        }

        data.Append(header);
        uint r = 2;
        foreach (var x in d.ByDemand)
        {
            var row = new Row { RowIndex = r };
            row.Append(
                ReviewWorkbook.Text(0, r, x.DemandId), ReviewWorkbook.Text(1, r, x.Title), ReviewWorkbook.Text(2, r, x.Sector),
                ReviewWorkbook.Number(3, r, x.Applications), ReviewWorkbook.Number(4, r, x.Eligible), ReviewWorkbook.Number(5, r, x.Selected),
                ReviewWorkbook.Number(6, r, x.AgreementsDrafted), ReviewWorkbook.Number(7, r, x.AgreementsSigned),
                ReviewWorkbook.Number(8, r, x.FundingCommitted, ReviewWorkbook.AmountStyle));
            data.Append(row);
            r++;
        }

        return data;
    }

    private static Columns Widths(int count, int wide)
    {
        var columns = new Columns();
        for (var c = 0; c < count; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = c == wide ? 32 : c == 0 ? 18 : 14, CustomWidth = true });
        }

        return columns;
    }
}
