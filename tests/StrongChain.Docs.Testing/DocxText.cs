using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StrongChain.Docs.Testing;

/// <summary>The visible text of a generated .docx body: one line per paragraph, table rows as tab-separated cells.</summary>
public static class DocxText
{
    public static string Of(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var lines = new List<string>();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    lines.Add(ParagraphText(p));
                    break;
                case Table t:
                    lines.AddRange(t.Elements<TableRow>().Select(r => string.Join('\t', r.Elements<TableCell>().Select(c =>
                        string.Join(' ', c.Elements<Paragraph>().Select(ParagraphText))))));
                    break;
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string ParagraphText(Paragraph paragraph) => string.Concat(paragraph.Descendants().Select(e => e switch
    {
        Text t => t.Text,
        Break => "\n",
        TabChar => "\t",
        _ => "",
    }));
}
