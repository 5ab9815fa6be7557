using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Reports;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>
/// Writes the progress report form (项目进展报告表) for one milestone of a consortium, built from the
/// <see cref="ProgressReportForm"/> catalogue like the application form: the facts pre-filled in locked controls
/// (<c>w:lock sdtContentLocked</c>), which also carry the consortium and milestone the form was made for, and one control
/// per field the lead unit fills, tagged with the catalogue tag.
/// </summary>
public static class ProgressReportFormTemplate
{
    private const int LabelWidth = 2500;

    /// <summary>Values of the locked facts, by tag (lines of the rich facts split by <c>\n</c>).</summary>
    public static IReadOnlyDictionary<string, string> LockedValues(Consortium consortium, ConsortiumMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        ArgumentNullException.ThrowIfNull(milestone);
        var items = consortium.Funding.Items;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProgressReportForm.ConsortiumIdTag] = consortium.Id,
            [ProgressReportForm.MilestoneNumberTag] = milestone.Number.ToString(CultureInfo.InvariantCulture),
            [ProgressReportForm.TemplateVersionTag] = ProgressReportForm.TemplateVersion,
            ["consortium.round"] = consortium.RoundId,
            ["consortium.demand"] = $"{consortium.DemandId} {consortium.DemandTitle}",
            ["consortium.parties"] = string.Join('\n', consortium.Parties.Select(p => $"{p.Role}（{p.Capacity}）{p.Name} {p.CreditCode}".TrimEnd())),
            ["milestone.name"] = milestone.Name,
            ["milestone.due"] = Iso(milestone.Due),
            ["milestone.deliverable"] = string.IsNullOrWhiteSpace(milestone.Deliverable) ? "—" : milestone.Deliverable.Trim(),
            ["project.period"] = $"{Iso(consortium.Start)} 至 {Iso(consortium.End)}",
            ["budget.agreed"] = Money(consortium.Funding.AgreedBudget),
            ["budget.items"] = items.Count == 0 ? "—" : string.Join('\n', items.Select(i => $"{i.Category} {Money(i.Amount)}")),
        };
    }

    public static byte[] Build(Consortium consortium, ConsortiumMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        ArgumentNullException.ThrowIfNull(milestone);
        var controls = new FormControlWriter(ProgressReportForm.Catalogue, LockedValues(consortium, milestone));
        return NewDocument(document =>
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = TemplateStyles.Create();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ChineseSettings();
            main.AddNewPart<FooterPart>("rIdFooter").Footer = PageNumberFooter(TemplateStyles.Footer);
            var glossary = main.AddNewPart<GlossaryDocumentPart>("rIdGlossary");
            glossary.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = TemplateStyles.Create();
            glossary.GlossaryDocument = controls.CreateGlossary();

            var body = new Body();
            body.Append(Paragraph(TemplateStyles.CoverProgramme, null, Run(ApplicationForm.ProgrammeTitle)));
            body.Append(Paragraph(TemplateStyles.CoverTitle, null, Run(ProgressReportForm.Title)));
            string[] notes =
            [
                $"本表由牵头揭榜单位按里程碑填写，第一部分由系统预先填写并锁定，请勿修改。",
                "金额单位均为万元，保留两位小数；日期一律按 yyyy-MM-dd 格式填写。",
                "“本期经费使用”按协议预算科目逐行填写，如需增加行，请点击表格数据行右侧的“+”按钮。",
                $"里程碑完成情况为“{ProgressReportForm.Achieved}”的，须填写实际完成日期。",
            ];
            for (var i = 0; i < notes.Length; i++)
            {
                body.Append(Paragraph(TemplateStyles.InstructionItem, null,
                    new Run(new Text((i + 1).ToString(CultureInfo.InvariantCulture) + "．"), new TabChar(), new Text(notes[i]))));
            }

            foreach (var section in ProgressReportForm.Sections)
            {
                body.Append(Paragraph(TemplateStyles.Heading, null, Run($"{section.Number}、{section.Title}")));
                var fields = ProgressReportForm.Fields.Where(f => f.Section == section.Key && f.Repeat is null).ToList();
                if (fields.Count > 0)
                {
                    body.Append(FieldTable(controls, fields));
                }

                foreach (var repeat in ProgressReportForm.Repeats.Where(r => r.Section == section.Key))
                {
                    body.Append(controls.RepeatTable(repeat));
                }
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1797U, Bottom = 1440, Left = 1797U, Header = 851U, Footer = 992U, Gutter = 0U },
                new Columns { Space = "425" },
                new DocGrid { LinePitch = 312 }));
            var root = new Document(body);
            DeclareNamespaces(root);
            main.Document = root;
            WriteCoreProperties(document, $"{ProgressReportForm.Title}（{consortium.Id} 里程碑 {milestone.Number.ToString(CultureInfo.InvariantCulture)}）",
                consortium.RoundId, ApplicationForm.Issuer);
            document.ChangeIdOfPart(main, "rId1");
        });
    }

    private static Table FieldTable(FormControlWriter controls, IReadOnlyList<FormField> fields)
    {
        int[] columns = [LabelWidth, ApplicationFormTemplate.TextWidth - LabelWidth];
        var table = Table(TemplateStyles.FormTable, columns);
        foreach (var field in fields)
        {
            table.Append(Row(
            [
                Cell(columns[0], [Paragraph(TemplateStyles.TableLabel, null, Run(field.Label))], fill: TemplateStyles.LabelFill),
                Cell(columns[1], controls.ValueContent(field, TemplateStyles.TableText),
                    align: field.Kind == FieldKind.Rich ? TableVerticalAlignmentValues.Top : null),
            ], minHeight: field.Kind == FieldKind.Rich && !field.Locked ? 1400 : 480));
        }

        return table;
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
