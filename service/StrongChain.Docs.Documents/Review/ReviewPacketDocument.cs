using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Agreements;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Review;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Review;

/// <summary>
/// Writes a demand's review packet (评审材料) as .docx: a cover page, the summary table, then each application on new pages,
/// in the form's styles (宋体/黑体, A4, page numbers). Same content, same bytes.
/// </summary>
public static class ReviewPacketDocument
{
    private const int TextWidth = AgreementDocument.TextWidth;

    public static byte[] Build(ReviewPacketContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return NewDocument(document => Write(document, content));
    }

    private static void Write(WordprocessingDocument document, ReviewPacketContent content) =>
        AgreementDocument.WriteForm(document, content.Title, ReviewPacketContent.Confidential, body =>
        {
            body.Append(Paragraph(TemplateStyles.CoverProgramme, JustificationValues.Center, Run("中关村强链工程")));
            body.Append(Paragraph(TemplateStyles.CoverTitle, JustificationValues.Center, Run("揭榜申报评审材料")));
            foreach (var line in content.Cover)
            {
                body.Append(Paragraph(TemplateStyles.CoverLine, null, Run(line)));
            }

            body.Append(PageBreak());
            body.Append(Paragraph(TemplateStyles.Heading, null, Run(content.Summary.Caption)));
            body.Append(DataTable(content.Summary, [700, 1500, 1600, 1700, 900, 900, TextWidth - 7300]));
            foreach (var section in content.Applications)
            {
                body.Append(PageBreak());
                body.Append(Paragraph(TemplateStyles.Heading, null, Run(section.Heading)));
                foreach (var block in section.Blocks)
                {
                    body.Append(Block(block));
                }
            }
        });

    private static OpenXmlElement[] Block(PacketBlock block) => block switch
    {
        PacketFields f => [FieldTable(f.Rows), Paragraph(TemplateStyles.Normal, null)],
        PacketTable t => [Paragraph(TemplateStyles.Normal, null, Run(t.Caption, RunProps(bold: true))), DataTable(t, Even(t.Headers.Count)), Paragraph(TemplateStyles.Normal, null)],
        PacketParagraph p => [Paragraph(TemplateStyles.Normal, null, Run(p.Text))],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown packet block."),
    };

    /// <summary>Labelled values in the form's two-column table (packets and decision letters).</summary>
    internal static Table FieldTable(IReadOnlyList<(string Label, string Value)> rows)
    {
        int[] columns = [2600, TextWidth - 2600];
        var table = Table(TemplateStyles.FormTable, columns, justification: JustificationValues.Center);
        foreach (var (label, value) in rows)
        {
            table.Append(Row([Cell(columns[0], [Paragraph(TemplateStyles.TableLabel, null, Run(label))], TemplateStyles.LabelFill),
                Cell(columns[1], Lines(value))], cantSplit: false));
        }

        return table;
    }

    private static Table DataTable(PacketTable data, int[] columns)
    {
        var table = Table(TemplateStyles.FormTable, columns, justification: JustificationValues.Center);
        table.Append(Row(data.Headers.Select((h, i) => Cell(columns[i], [Paragraph(TemplateStyles.TableLabel, JustificationValues.Center, Run(h))], TemplateStyles.LabelFill)), header: true));
        if (data.Rows.Count == 0)
        {
            table.Append(Row([Cell(columns.Sum(), [Paragraph(TemplateStyles.TableText, JustificationValues.Center, Run("（无）"))], span: columns.Length)]));
        }

        foreach (var row in data.Rows)
        {
            table.Append(Row(row.Select((v, i) => Cell(columns[i], Lines(v))), cantSplit: false));
        }

        return table;
    }

    /// <summary>Multi-line values (a plan's text) as one paragraph per line.</summary>
    private static Paragraph[] Lines(string value) =>
        [.. value.Split('\n').Select(line => Paragraph(TemplateStyles.TableText, null, Run(line.TrimEnd('\r'))))];

    private static int[] Even(int count)
    {
        var each = TextWidth / count;
        return [.. Enumerable.Repeat(each, count - 1), TextWidth - (each * (count - 1))];
    }
}
