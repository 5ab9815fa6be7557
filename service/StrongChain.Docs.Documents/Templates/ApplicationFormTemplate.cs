using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>
/// Writes the task application form (揭榜任务申报书) for one demand of a round, built from the
/// <see cref="ApplicationForm"/> catalogue: one content control per field, tagged with the catalogue tag.
/// </summary>
public static class ApplicationFormTemplate
{
    /// <summary>Names of the markers in the custom XML part and in the custom document properties.</summary>
    public const string TemplateVersionMarker = "templateVersion";
    public const string RoundIdMarker = "roundId";
    public const string DemandIdMarker = "demandId";
    public const string MarkerRootElement = "application";

    /// <summary>Glyphs and font of the w14 check boxes (as Word writes them).</summary>
    public const string CheckedGlyph = "☒";
    public const string UncheckedGlyph = "☐";
    public const string CheckBoxFont = "MS Gothic";

    /// <summary>Width of the text area: A4 (11906 twips) less two 3.17 cm margins.</summary>
    internal const int TextWidth = 11906 - (2 * 1797);

    private const string CustomPropertiesFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    private const int LabelWidth = 2500;

    /// <summary>Values of the locked demand fields, by tag.</summary>
    public static IReadOnlyDictionary<string, string> LockedValues(Round round, Demand demand) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["demand.id"] = demand.Id,
        ["demand.title"] = demand.Title,
        ["demand.issuer"] = demand.Issuer,
        ["demand.sector"] = demand.Sector,
        ["round.id"] = round.Id,
    };

    /// <summary>Name of the glossary docPart holding a field's placeholder text (stable per tag).</summary>
    public static string PlaceholderDocPartName(string tag) => StableGuid("strongchain:placeholder:" + tag).ToString("N").ToUpperInvariant();

    public static byte[] Build(Round round, Demand demand)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(demand);

        return NewDocument(new Writer(round, demand).Write);
    }

    private sealed class Writer(Round round, Demand demand)
    {
        private readonly FormControlWriter controls = new(ApplicationForm.Catalogue, LockedValues(round, demand));

        public void Write(WordprocessingDocument document)
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = TemplateStyles.Create();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ChineseSettings();
            main.AddNewPart<FooterPart>("rIdFooter").Footer = PageNumberFooter(TemplateStyles.Footer);
            var firstFooter = main.AddNewPart<FooterPart>("rIdFooterFirst");
            firstFooter.Footer = new Footer(Paragraph(TemplateStyles.Footer, null));

            var glossary = main.AddNewPart<GlossaryDocumentPart>("rIdGlossary");
            glossary.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = TemplateStyles.Create();
            glossary.GlossaryDocument = controls.CreateGlossary();

            var body = new Body();
            WriteCover(body);
            WriteInstructions(body);
            foreach (var section in ApplicationForm.Sections)
            {
                // The first section follows the instructions page; the signature section gets a page of its own.
                WriteSection(body, section, newPage: section == ApplicationForm.Sections[0] || section == ApplicationForm.Sections[^1]);
            }

            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Right,
                Run("（本页须由法定代表人签字并加盖单位公章）", RunProps(Size.WuHao))));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new FooterReference { Type = HeaderFooterValues.First, Id = "rIdFooterFirst" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1797U, Bottom = 1440, Left = 1797U, Header = 851U, Footer = 992U, Gutter = 0U },
                new Columns { Space = "425" },
                new TitlePage(),
                new DocGrid { LinePitch = 312 }));

            var root = new Document(body);
            DeclareNamespaces(root);
            main.Document = root;

            WriteMarkers(document, main);
            WriteCoreProperties(document, $"{ApplicationForm.Title}（{demand.Id} {demand.Title}）", round.Name, ApplicationForm.Issuer);

            // Package-level relationship ids are random by default: fix them so builds are byte-identical.
            document.ChangeIdOfPart(main, "rId1");
        }

        private void WriteCover(Body body)
        {
            body.Append(Paragraph(TemplateStyles.CoverProgramme, null, Run(ApplicationForm.ProgrammeTitle)));
            body.Append(Paragraph(TemplateStyles.CoverTitle, null, Run(ApplicationForm.Title)));

            (string Label, string? Value)[] lines =
            [
                (FieldLabel("demand.id"), demand.Id),
                (FieldLabel("demand.title"), demand.Title),
                (FieldLabel("demand.issuer"), demand.Issuer),
                ("揭榜单位（盖章）", null),
                ("联合揭榜单位", null),
                ("申报日期", null),
            ];
            int[] columns = [3100, 5200];
            var table = Table(TemplateStyles.TableNormal, columns, borderless: true, justification: JustificationValues.Center);
            var underline = new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" });
            foreach (var (label, value) in lines)
            {
                table.Append(Row(
                    [
                        Cell(columns[0], [Paragraph(TemplateStyles.CoverLine, JustificationValues.Distribute, Run(label + "："))], align: TableVerticalAlignmentValues.Bottom),
                        Cell(columns[1], [Paragraph(TemplateStyles.CoverLine, JustificationValues.Center, Run(value ?? ""))],
                            align: TableVerticalAlignmentValues.Bottom, borders: (TableCellBorders)underline.CloneNode(true)),
                    ],
                    minHeight: 680));
            }

            body.Append(table);
            var foot = Paragraph(TemplateStyles.CoverFoot, null, Run($"{ApplicationForm.Issuer}　制"));
            foot.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "2400" });
            body.Append(foot);
            body.Append(Paragraph(TemplateStyles.CoverFoot, null, Run(ChineseYear(round.Opens.Year) + "年")));
        }

        private void WriteInstructions(Body body)
        {
            var title = Paragraph(TemplateStyles.InstructionsTitle, null, Run("填报说明"));
            title.ParagraphProperties!.Append(new PageBreakBefore());
            body.Append(title);

            var demandSection = ApplicationForm.Sections.First(s => s.Key == "demand");
            var signSection = ApplicationForm.Sections.First(s => s.Key == "sign");
            string[] items =
            [
                "请逐项填写本申报书的全部栏目，无相关内容的栏目请填写“无”。",
                "金额单位均为万元，保留两位小数（如 100.00）。",
                "日期一律按 yyyy-MM-dd 格式填写（如 2021-01-15）。",
                $"{string.Join("、", ApplicationForm.Repeats.Select(r => r.Label))}等表格如需增加行，请点击该表格数据行右侧的“+”按钮添加，不要另建表格。",
                $"“{demandSection.Number}、{demandSection.Title}”栏目由系统预先填写并锁定，请勿修改。",
                $"“{signSection.Number}、{signSection.Title}”须由法定代表人签字并加盖单位公章。",
            ];
            for (var i = 0; i < items.Length; i++)
            {
                body.Append(Paragraph(TemplateStyles.InstructionItem, null,
                    new Run(new Text((i + 1).ToString(CultureInfo.InvariantCulture) + "．"), new TabChar(), new Text(items[i]))));
            }
        }

        private void WriteSection(Body body, FormSection section, bool newPage)
        {
            var heading = Paragraph(TemplateStyles.Heading, null, Run($"{section.Number}、{section.Title}"));
            if (newPage)
            {
                heading.ParagraphProperties!.Append(new PageBreakBefore());
            }

            body.Append(heading);
            var fields = ApplicationForm.Fields.Where(f => f.Section == section.Key && f.Repeat is null).ToList();
            var checks = fields.Where(f => f.Kind == FieldKind.Check).ToList();
            var plain = fields.Where(f => f.Kind != FieldKind.Check).ToList();
            var needsSeparator = false;

            if (checks.Count > 0)
            {
                body.Append(CheckTable(checks));
                needsSeparator = true;
            }

            if (plain.Count > 0)
            {
                if (needsSeparator)
                {
                    body.Append(Paragraph(TemplateStyles.TableText, null));
                }

                body.Append(FieldTable(plain));
                needsSeparator = true;
            }

            foreach (var repeat in ApplicationForm.Repeats.Where(r => r.Section == section.Key))
            {
                if (repeat.Label != section.Title)
                {
                    var caption = Paragraph(TemplateStyles.TableText, null, Run(repeat.Label, RunProps(bold: true)));
                    caption.ParagraphProperties!.Append(new KeepNext());
                    body.Append(caption);
                }
                else if (needsSeparator)
                {
                    body.Append(Paragraph(TemplateStyles.TableText, null));
                }

                body.Append(controls.RepeatTable(repeat));
                needsSeparator = true;
            }
        }

        private Table CheckTable(IReadOnlyList<FormField> checks)
        {
            int[] columns = [900, TextWidth - 900];
            var table = Table(TemplateStyles.FormTable, columns);
            foreach (var field in checks)
            {
                table.Append(Row(
                [
                    Cell(columns[0], [Paragraph(TemplateStyles.TableLabel, null, controls.Control(field))]),
                    Cell(columns[1], [Paragraph(TemplateStyles.TableText, null, Run(field.Label))]),
                ], minHeight: 480));
            }

            return table;
        }

        private Table FieldTable(IReadOnlyList<FormField> fields)
        {
            int[] columns = [LabelWidth, TextWidth - LabelWidth];
            var table = Table(TemplateStyles.FormTable, columns);
            foreach (var field in fields)
            {
                int? height = field.Kind switch
                {
                    FieldKind.Rich => 1400,
                    FieldKind.Picture => 2400,
                    _ => 480,
                };
                table.Append(Row(
                [
                    Cell(columns[0], [Paragraph(TemplateStyles.TableLabel, null, Run(field.Label))], fill: TemplateStyles.LabelFill),
                    Cell(columns[1], controls.ValueContent(field, TemplateStyles.TableText), align: field.Kind == FieldKind.Rich ? TableVerticalAlignmentValues.Top : null),
                ], minHeight: height));
            }

            return table;
        }

        private void WriteMarkers(WordprocessingDocument document, MainDocumentPart main)
        {
            XNamespace ns = ApplicationForm.MarkerNamespace;
            var xml = new XElement(ns + MarkerRootElement,
                new XElement(ns + TemplateVersionMarker, ApplicationForm.TemplateVersion),
                new XElement(ns + RoundIdMarker, round.Id),
                new XElement(ns + DemandIdMarker, demand.Id));
            var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml, "rIdMarkers");
            WriteXml(part, xml);

            var itemId = "{" + StableGuid($"strongchain:markers:{round.Id}:{demand.Id}").ToString("D").ToUpperInvariant() + "}";
            part.AddNewPart<CustomXmlPropertiesPart>("rIdMarkersProps").DataStoreItem = new DataStoreItem(
                new SchemaReferences(new SchemaReference { Uri = ApplicationForm.MarkerNamespace }))
            { ItemId = itemId };

            var custom = document.AddCustomFilePropertiesPart();
            custom.Properties = new Properties(
                Property(2, TemplateVersionMarker, ApplicationForm.TemplateVersion),
                Property(3, RoundIdMarker, round.Id),
                Property(4, DemandIdMarker, demand.Id));
            document.ChangeIdOfPart(custom, "rId3");
        }

        private static CustomDocumentProperty Property(int id, string name, string value) =>
            new(new VTLPWSTR(value)) { FormatId = CustomPropertiesFormatId, PropertyId = id, Name = name };

        private static string FieldLabel(string tag) => ApplicationForm.FindField(tag)?.Label ?? tag;

        private static string ChineseYear(int year) =>
            string.Concat(year.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0']));
    }
}
