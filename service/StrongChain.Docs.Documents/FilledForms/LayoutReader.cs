using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.FilledForms;

namespace StrongChain.Docs.Documents.FilledForms;

/// <summary>
/// The body of a main document part as paragraphs and tables of cells, for reading a form back by label when its
/// content controls were lost. Only that rare case pays for this second read of the part (the guard has passed it).
/// </summary>
public static class LayoutReader
{
    public static IReadOnlyList<LayoutBlock> Read(byte[] docx, string mainPartName)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var entry = zip.Entries.FirstOrDefault(e => Uri.UnescapeDataString(e.FullName).Equals(mainPartName, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return [];
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, settings);
        var root = XDocument.Load(reader).Root;
        var body = root?.Elements().FirstOrDefault(e => Is(e, "body"));
        var blocks = new List<LayoutBlock>();
        if (body is not null)
        {
            Blocks(body, blocks);
        }

        return blocks;
    }

    private static void Blocks(XElement container, List<LayoutBlock> blocks)
    {
        foreach (var child in container.Elements())
        {
            if (Is(child, "p"))
            {
                blocks.Add(LayoutBlock.Text(WholeText(child)));
            }
            else if (Is(child, "tbl"))
            {
                var rows = new List<IReadOnlyList<LayoutCell>>();
                foreach (var row in Within(child, "tr"))
                {
                    rows.Add([.. Within(row, "tc").Select(Cell)]);
                }

                blocks.Add(LayoutBlock.Table(rows));
            }
            else if (IsWrapper(child))
            {
                Blocks(Content(child), blocks);
            }
        }
    }

    /// <summary>Children named <paramref name="name"/>, looking through content controls and custom XML wrapped around them.</summary>
    private static IEnumerable<XElement> Within(XElement parent, string name)
    {
        foreach (var child in parent.Elements())
        {
            if (Is(child, name))
            {
                yield return child;
            }
            else if (IsWrapper(child))
            {
                foreach (var inner in Within(Content(child), name))
                {
                    yield return inner;
                }
            }
        }
    }

    private static LayoutCell Cell(XElement cell)
    {
        var lines = new List<string>();
        foreach (var paragraph in Paragraphs(cell))
        {
            lines.Add(ValueText(paragraph));
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var text = string.Join('\n', lines);
        bool? ticked = text.Contains(ApplicationFormTemplate.CheckedGlyph, StringComparison.Ordinal) || text.Contains('☑', StringComparison.Ordinal) ? true
            : text.Contains(ApplicationFormTemplate.UncheckedGlyph, StringComparison.Ordinal) ? false
            : null;
        var image = Visible(cell).Any(e => Is(e, "drawing") || Is(e, "pict"));
        return new LayoutCell(text, ticked, image);
    }

    private static IEnumerable<XElement> Paragraphs(XElement container)
    {
        foreach (var child in container.Elements())
        {
            if (Is(child, "p"))
            {
                yield return child;
            }
            else if (IsWrapper(child))
            {
                foreach (var inner in Paragraphs(Content(child)))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// A value paragraph's text. LibreOffice 7.4 writes a former control as the whole value in a first control (or
    /// FILLIN field) followed by the value's script runs again, each with the whole value: so when a paragraph starts with
    /// a control or field, that first one holds the value; otherwise the paragraph's text is the value.
    /// </summary>
    private static string ValueText(XElement paragraph) => InlineValue(paragraph, whole: true);

    /// <summary>
    /// The value of a paragraph or control: its first control's (recursively: LibreOffice saving twice nests the
    /// copies inside the first one) or first field's when it starts with one; otherwise its text, which for a control
    /// ends where a nested control begins.
    /// </summary>
    private static string InlineValue(XElement container, bool whole)
    {
        var inline = Inline(container).ToList();
        var start = inline.FindIndex(HasContent);
        if (start < 0)
        {
            return "";
        }

        var first = inline[start];
        if (Is(first, "sdt"))
        {
            return InlineValue(Content(first), whole: false);
        }

        if (Is(first, "fldSimple"))
        {
            return WholeText(first);
        }

        if (IsFieldBegin(first))
        {
            return FirstFieldResult(inline.GetRange(start, inline.Count - start));
        }

        if (whole)
        {
            return WholeText(container);
        }

        var text = new StringBuilder();
        foreach (var item in inline.Skip(start).TakeWhile(i => !Is(i, "sdt")))
        {
            text.Append(WholeText(item));
        }

        return text.ToString();
    }

    /// <summary>The paragraph's inline items in order, looking through hyperlinks, insertions and smart tags (not controls or simple fields).</summary>
    private static IEnumerable<XElement> Inline(XElement container)
    {
        foreach (var child in container.Elements())
        {
            if (Is(child, "hyperlink") || Is(child, "ins") || Is(child, "smartTag") || Is(child, "customXml"))
            {
                foreach (var inner in Inline(child))
                {
                    yield return inner;
                }
            }
            else if (Is(child, "r") || Is(child, "sdt") || Is(child, "fldSimple"))
            {
                yield return child;
            }
        }
    }

    /// <summary>Whether an inline item shows anything or starts a field (empty runs LibreOffice leaves do not count).</summary>
    private static bool HasContent(XElement item) =>
        !Is(item, "r") || IsFieldBegin(item) || Visible(item).Any(e => Is(e, "t") || Is(e, "tab") || Is(e, "br") || Is(e, "drawing") || Is(e, "sym"));

    private static bool IsFieldBegin(XElement run) =>
        Is(run, "r") && run.Elements().Any(e => Is(e, "fldChar") && (string?)e.Attributes().FirstOrDefault(a => a.Name.LocalName == "fldCharType") == "begin");

    /// <summary>The result of the first complex field: the text between its separate and end marks (nested fields' results included).</summary>
    private static string FirstFieldResult(List<XElement> runs)
    {
        var text = new StringBuilder();
        var depth = 0;
        var inResult = false;
        foreach (var run in runs)
        {
            foreach (var e in run.Elements())
            {
                if (Is(e, "fldChar"))
                {
                    var type = (string?)e.Attributes().FirstOrDefault(a => a.Name.LocalName == "fldCharType");
                    if (type == "begin")
                    {
                        depth++;
                    }
                    else if (type == "separate" && depth == 1)
                    {
                        inResult = true;
                    }
                    else if (type == "end" && --depth == 0)
                    {
                        return text.ToString();
                    }
                }
                else if (inResult)
                {
                    AppendText(e, text);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Visible text: text, tabs and breaks; not deleted text, field instructions or a fallback's copy.</summary>
    private static string WholeText(XElement element)
    {
        var text = new StringBuilder();
        foreach (var e in Visible(element))
        {
            AppendText(e, text);
        }

        return text.ToString();
    }

    private static void AppendText(XElement e, StringBuilder text)
    {
        if (Is(e, "t"))
        {
            text.Append(e.Value);
        }
        else if (Is(e, "tab"))
        {
            text.Append('\t');
        }
        else if ((Is(e, "br") && e.Attributes().FirstOrDefault(a => a.Name.LocalName == "type")?.Value is null or "textWrapping") || Is(e, "cr"))
        {
            text.Append('\n');
        }
    }

    /// <summary>Descendants in document order, leaving out deleted runs, the content of pPr/rPr (tab stops are no tabs) and mc:Fallback.</summary>
    private static IEnumerable<XElement> Visible(XElement element)
    {
        foreach (var child in element.Elements())
        {
            if (Is(child, "del") || Is(child, "pPr") || Is(child, "rPr") || Is(child, "sdtPr") || child.Name.LocalName == "Fallback")
            {
                continue;
            }

            yield return child;
            foreach (var inner in Visible(child))
            {
                yield return inner;
            }
        }
    }

    private static bool IsWrapper(XElement element) => Is(element, "sdt") || Is(element, "customXml");

    private static XElement Content(XElement wrapper) =>
        Is(wrapper, "sdt") ? wrapper.Elements().FirstOrDefault(e => Is(e, "sdtContent")) ?? new XElement("empty") : wrapper;

    private static bool Is(XElement element, string localName) =>
        element.Name.LocalName == localName && element.Name.NamespaceName is WordNames.WordNamespace or WordNames.StrictWordNamespace;
}
