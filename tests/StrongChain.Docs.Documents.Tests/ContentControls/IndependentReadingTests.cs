using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.ContentControls;

/// <summary>
/// The reader must agree with a second, independent reading: plain XLinq over the zip's document part,
/// written from the schema (ISO/IEC 29500 §17.5.2), sharing no code with the reader.
/// </summary>
public sealed class IndependentReadingTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static readonly XNamespace W15 = "http://schemas.microsoft.com/office/word/2012/wordml";

    public static TheoryData<string> Forms() => [.. TestForms.All];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Reader_agrees_with_an_xlinq_reading_of_the_document_part(string form)
    {
        var bytes = TestAssets.Read(form);
        var expected = ReadIndependently(bytes);

        var actual = ContentControlReader.Read(bytes).Where(c => c.Part == "document").ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (tag, kind, placeholder, isChecked, depth, text) = expected[i];
            var control = actual[i];
            Assert.Equal(tag, control.Tag);
            Assert.Equal(kind, control.Kind);
            Assert.Equal(placeholder, control.Placeholder);
            Assert.Equal(isChecked, control.Checked);
            Assert.Equal(depth, control.Depth);
            if (text is not null)
            {
                Assert.Equal(text, control.Text);
            }
        }
    }

    private static List<(string? Tag, string Kind, bool Placeholder, bool? Checked, int Depth, string? Text)> ReadIndependently(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var root = XDocument.Load(stream).Root!;

        return [.. root.Descendants(W + "sdt").Select(sdt =>
        {
            var pr = sdt.Element(W + "sdtPr");
            var placeholder = pr?.Element(W + "showingPlcHdr") is { } p && p.Attribute(W + "val")?.Value is null or "1" or "true" or "on";
            var checkbox = pr?.Element(W14 + "checkbox");
            bool? isChecked = checkbox is null ? null : checkbox.Element(W14 + "checked")?.Attribute(W14 + "val")?.Value is "1" or "true" or "on";
            var content = sdt.Element(W + "sdtContent");
            var hasFields = content?.Descendants().Any(e => e.Name == W + "fldChar" || e.Name == W + "fldSimple") ?? false;
            return (pr?.Element(W + "tag")?.Attribute(W + "val")?.Value, KindOf(pr), placeholder, isChecked,
                sdt.Ancestors(W + "sdt").Count(), placeholder ? string.Empty : hasFields ? null : TextOf(content));
        })];
    }

    private static string KindOf(XElement? pr) => pr?.Elements().Select(e => e.Name).FirstOrDefault(n => Kinds.ContainsKey(n)) is { } name && name != default
        ? Kinds[name]
        : "richText";

    private static readonly Dictionary<XName, string> Kinds = new()
    {
        [W + "text"] = "text", [W + "date"] = "date", [W + "dropDownList"] = "dropDownList", [W + "comboBox"] = "comboBox",
        [W14 + "checkbox"] = "checkBox", [W + "picture"] = "picture", [W15 + "repeatingSection"] = "repeatingSection",
        [W15 + "repeatingSectionItem"] = "repeatingSectionItem", [W + "group"] = "group", [W + "docPartObj"] = "docPart",
        [W + "docPartList"] = "docPart", [W + "citation"] = "citation", [W + "bibliography"] = "bibliography", [W + "equation"] = "equation",
    };

    /// <summary>Decision (docs/decisions.md): a nested control's placeholder prompt is not content of the enclosing control.</summary>
    private static bool InsidePlaceholder(XElement e, XElement content) =>
        e.Ancestors(W + "sdtContent").TakeWhile(c => c != content)
            .Any(c => c.Parent?.Element(W + "sdtPr")?.Element(W + "showingPlcHdr") is not null);

    /// <summary>Visible text: paragraphs joined by \n; deleted text out, inserted text in; tab and break as characters.</summary>
    private static string? TextOf(XElement? content)
    {
        if (content is null)
        {
            return string.Empty;
        }

        var paragraphs = content.Descendants(W + "p").Where(p => !p.Ancestors(W + "p").Any() && !InsidePlaceholder(p, content)).ToList();
        var units = paragraphs.Count > 0 ? paragraphs : [content];
        return string.Join('\n', units.Select(unit =>
        {
            var text = new StringBuilder();
            foreach (var e in unit.Descendants())
            {
                if (e.Ancestors(W + "del").Any() || InsidePlaceholder(e, content))
                {
                    continue;
                }

                if (e.Name == W + "t")
                {
                    text.Append(e.Value);
                }
                else if (e.Name == W + "tab" && e.Parent?.Name == W + "r")
                {
                    text.Append('\t');
                }
                else if ((e.Name == W + "br" || e.Name == W + "cr") && e.Parent?.Name == W + "r")
                {
                    text.Append('\n');
                }
            }

            return text.ToString();
        }));
    }
}
