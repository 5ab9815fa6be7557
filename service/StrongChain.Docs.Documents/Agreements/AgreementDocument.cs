using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Agreements;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Agreements;

/// <summary>
/// Writes the cooperation agreement draft (合作研发协议) as an editable .docx: title, the parties, the articles with their
/// tables, and a signature block per party. The same <see cref="AgreementContent"/> always gives the same bytes.
/// </summary>
public static class AgreementDocument
{
    public const string Creator = "中关村强链工程文档平台";

    /// <summary>Width of the text area: A4 less two 3.17 cm margins, as the application form.</summary>
    public const int TextWidth = ApplicationFormTemplate.TextWidth;

    public static byte[] Build(AgreementContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return NewDocument(document => Write(document, content));
    }

    private static void Write(WordprocessingDocument document, AgreementContent content) =>
        WriteForm(document, $"{content.Title}（{content.AgreementId}）", content.Subtitle, body =>
        {
            body.Append(Paragraph(TemplateStyles.InstructionsTitle, JustificationValues.Center, Run(content.Title, RunProps(Size.ErHao, bold: true, eastAsiaFont: TemplateStyles.HeadingEastAsiaFont))));
            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Center, Run(content.Subtitle, RunProps(Size.SiHao))));
            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Right, Run($"协议编号：{content.AgreementId}（第{content.Version}版 草案）", RunProps(Size.WuHao))));
            foreach (var party in content.Parties)
            {
                body.Append(PartyBlock(party));
            }

            foreach (var section in content.Sections)
            {
                body.Append(Paragraph(TemplateStyles.Heading, null, Run(section.Heading)));
                foreach (var block in section.Blocks)
                {
                    body.Append(Block(block));
                }
            }
        });

    /// <summary>A document in the form's page setup (agreements, review packets, decision letters): <paramref name="write"/> fills the body.</summary>
    internal static void WriteForm(WordprocessingDocument document, string title, string subject, Action<Body> write)
    {
        var main = AddFormParts(document);
        var body = new Body();
        write(body);
        body.Append(FormSection());
        var root = new Document(body);
        DeclareNamespaces(root);
        main.Document = root;
        WriteCoreProperties(document, title, subject, Creator);

        // Package-level relationship ids are random by default: fix them so builds are byte-identical.
        document.ChangeIdOfPart(main, "rId1");
    }

    /// <summary>The main part with the form's styles, Chinese settings and the page-number footer (agreements and review packets).</summary>
    internal static MainDocumentPart AddFormParts(WordprocessingDocument document)
    {
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = TemplateStyles.Create();
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ChineseSettings();
        main.AddNewPart<FooterPart>("rIdFooter").Footer = PageNumberFooter(TemplateStyles.Footer);
        return main;
    }

    /// <summary>A4 with the form's margins and the footer of <see cref="AddFormParts"/>.</summary>
    internal static SectionProperties FormSection() => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1440, Right = 1797U, Bottom = 1440, Left = 1797U, Header = 851U, Footer = 992U, Gutter = 0U },
        new Columns { Space = "425" },
        new DocGrid { LinePitch = 312 });

    private static OpenXmlElement[] PartyBlock(AgreementParty party) =>
    [
        Paragraph(TemplateStyles.Normal, null, Run($"{party.Role}（{party.Capacity}）：", RunProps(bold: true)), Run(party.Name)),
        Paragraph(TemplateStyles.Normal, null, Run($"　　统一社会信用代码：{Blank(party.CreditCode)}")),
        Paragraph(TemplateStyles.Normal, null, Run($"　　通讯地址：{Blank(party.Address)}")),
        Paragraph(TemplateStyles.Normal, null, Run($"　　法定代表人：{Blank(party.Representative)}")),
        Paragraph(TemplateStyles.Normal, null, Run($"　　联系人：{Blank(party.ContactName)}　　电话：{Blank(party.ContactPhone)}")),
    ];

    /// <summary>What the form did not give is a line to fill in by hand before signing.</summary>
    private static string Blank(string? value) => string.IsNullOrWhiteSpace(value) ? "________________" : value;

    private static OpenXmlElement[] Block(AgreementBlock block) => block switch
    {
        AgreementParagraph p => [.. p.Text.Split('\n').Select(line => Paragraph(TemplateStyles.Normal, null, Run("　　" + line.TrimEnd('\r'))))],
        AgreementTable t => [DataTable(t), Paragraph(TemplateStyles.Normal, null)],
        AgreementSignatures s => [SignatureTable(s)],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown agreement block."),
    };

    private static Table DataTable(AgreementTable data)
    {
        var columns = ColumnWidths(data.Headers.Count);
        var table = Table(TemplateStyles.FormTable, columns, justification: JustificationValues.Center);
        table.Append(Row(data.Headers.Select((h, i) => Cell(columns[i], [Paragraph(TemplateStyles.TableLabel, JustificationValues.Center, Run(h))], TemplateStyles.LabelFill)), header: true));
        foreach (var row in data.Rows)
        {
            table.Append(Row(row.Select((v, i) => Cell(columns[i], [Paragraph(TemplateStyles.TableText, i == 0 ? JustificationValues.Center : null, Run(v))]))));
        }

        return table;
    }

    /// <summary>A narrow first column (序号 or the party's role), the rest sharing the text width.</summary>
    private static int[] ColumnWidths(int count)
    {
        const int first = 1100;
        var rest = (TextWidth - first) / (count - 1);
        return [first, .. Enumerable.Repeat(rest, count - 2), TextWidth - first - (rest * (count - 2))];
    }

    /// <summary>Two parties a row, each with the seal, the signature and the date to be written by hand.</summary>
    private static Table SignatureTable(AgreementSignatures signatures)
    {
        int[] columns = [TextWidth / 2, TextWidth - (TextWidth / 2)];
        var table = Table(TemplateStyles.FormTable, columns, borderless: true);
        foreach (var pair in signatures.Parties.Chunk(2))
        {
            table.Append(Row(
                Enumerable.Range(0, 2).Select(i => Cell(columns[i], i < pair.Length ? SignatureLines(pair[i]) : [Paragraph(TemplateStyles.TableText, null)])),
                minHeight: 2400));
        }

        return table;
    }

    private static OpenXmlElement[] SignatureLines(AgreementParty party) =>
    [
        Paragraph(TemplateStyles.TableText, null, Run($"{party.Role}（盖章）：{party.Name}", RunProps(bold: true))),
        Paragraph(TemplateStyles.TableText, null, Run("法定代表人或授权代表（签字）：")),
        Paragraph(TemplateStyles.TableText, null),
        Paragraph(TemplateStyles.TableText, null, Run("日期：　　　　年　　月　　日")),
    ];
}
