using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrongChain.Docs.Documents.Export;
using StrongChain.Docs.Domain.Review;

namespace StrongChain.Docs.Documents.Review;

/// <summary>The results of one demand's panel, in rank order.</summary>
public sealed record DemandScoreSummary(string DemandId, string DemandTitle, IReadOnlyList<ScoreResult> Results);

/// <summary>The staff's score summary (评分汇总): one row per application, grouped by demand in rank order.</summary>
public static class ScoringSummaryWorkbook
{
    public const string SheetName = "评分汇总";

    public static byte[] Build(IReadOnlyList<ScoringCriterion> criteria, IReadOnlyList<DemandScoreSummary> demands)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(demands);
        string[] headers = ["需求编号", "需求名称", "排名", "受理编号", "申报单位", "评审专家数", .. criteria.Select(c => c.Header + "平均分"), "加权总分（平均）", "极差"];
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = ReviewWorkbook.Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var header = new Row { RowIndex = 1 };
            header.Append(headers.Select((h, c) => ReviewWorkbook.Text(c, 1, h, 1)));
            var data = new SheetData(header);
            uint index = 1;
            foreach (var demand in demands)
            {
                foreach (var r in demand.Results)
                {
                    index++;
                    var row = new Row { RowIndex = index };
                    row.Append(ReviewWorkbook.Text(0, index, demand.DemandId), ReviewWorkbook.Text(1, index, demand.DemandTitle), ReviewWorkbook.Number(2, index, r.Rank),
                        ReviewWorkbook.Text(3, index, r.ReceiptNo), ReviewWorkbook.Text(4, index, r.Organisation), ReviewWorkbook.Number(5, index, r.ExpertCount));
                    row.Append(criteria.Select((c, i) => ReviewWorkbook.Number(6 + i, index, r.CriterionMeans.TryGetValue(c.Key, out var mean) ? mean : null)));
                    row.Append(ReviewWorkbook.Number(6 + criteria.Count, index, r.WeightedTotal), ReviewWorkbook.Number(7 + criteria.Count, index, r.Spread));
                    data.Append(row);
                }
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0, TabSelected = true }),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                new Columns(headers.Select((_, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = c is 1 or 4 ? 32 : c == 3 ? 22 : 16, CustomWidth = true })),
                data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        return buffer.ToArray();
    }
}
