using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>The markers a test document carries (values may be null to leave one out).</summary>
public sealed record TestMarkers(string? TemplateVersion, string? RoundId, string? DemandId);

/// <summary>
/// Builds .docx packages with the Open XML SDK from WordprocessingML written as Word saves it
/// (rsids, proofErr, tracked changes, w14/w15 controls), so tests read what real uploads hold.
/// </summary>
public sealed class DocxFactory
{
    public const string Namespaces =
        """xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 w15" """;

    /// <summary>Body content (paragraphs, tables, block controls) before the final section properties.</summary>
    public string Body { get; set; } = "<w:p><w:r><w:t>空白</w:t></w:r></w:p>";

    /// <summary>Contents of each header part (inside w:hdr), referenced in this order by the section.</summary>
    public List<string> Headers { get; } = [];

    /// <summary>Contents of each footer part (inside w:ftr).</summary>
    public List<string> Footers { get; } = [];

    /// <summary>Content of footnote 1 (inside w:footnote), or null for no footnotes part.</summary>
    public string? Footnote { get; set; }

    /// <summary>Content of endnote 1 (inside w:endnote), or null for no endnotes part.</summary>
    public string? Endnote { get; set; }

    /// <summary>Markers written to the custom XML part in our namespace; null strips the part.</summary>
    public TestMarkers? XmlMarkers { get; set; }

    /// <summary>Markers written as custom document properties; null leaves docProps/custom.xml out.</summary>
    public TestMarkers? PropertyMarkers { get; set; }

    /// <summary>Other editors' or add-ins' custom XML parts, written before ours.</summary>
    public List<string> OtherCustomXml { get; } = [];

    public static byte[] WithBody(string body) => new DocxFactory { Body = body }.Build();

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var references = new StringBuilder();
            foreach (var header in Headers)
            {
                var part = main.AddNewPart<HeaderPart>();
                Feed(part, $"<w:hdr {Namespaces}>{header}</w:hdr>");
                references.Append($"""<w:headerReference w:type="{(references.Length == 0 ? "default" : "first")}" r:id="{main.GetIdOfPart(part)}"/>""");
            }

            var footerRefs = new StringBuilder();
            foreach (var footer in Footers)
            {
                var part = main.AddNewPart<FooterPart>();
                Feed(part, $"<w:ftr {Namespaces}>{footer}</w:ftr>");
                footerRefs.Append($"""<w:footerReference w:type="{(footerRefs.Length == 0 ? "default" : "first")}" r:id="{main.GetIdOfPart(part)}"/>""");
            }

            if (Footnote is not null)
            {
                Feed(main.AddNewPart<FootnotesPart>(), $"""<w:footnotes {Namespaces}>{Separators("footnote")}<w:footnote w:id="1">{Footnote}</w:footnote></w:footnotes>""");
            }

            if (Endnote is not null)
            {
                Feed(main.AddNewPart<EndnotesPart>(), $"""<w:endnotes {Namespaces}>{Separators("endnote")}<w:endnote w:id="1">{Endnote}</w:endnote></w:endnotes>""");
            }

            Feed(main, $"""<w:document {Namespaces}><w:body>{Body}<w:sectPr w:rsidR="00F2463A">{references}{footerRefs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>""");

            foreach (var xml in OtherCustomXml)
            {
                AddCustomXml(main, xml);
            }

            if (XmlMarkers is { } xmlMarkers)
            {
                AddCustomXml(main, MarkerXml(xmlMarkers));
            }

            if (PropertyMarkers is { } propertyMarkers)
            {
                AddProperties(document, propertyMarkers);
            }
        }

        return stream.ToArray();
    }

    public static string MarkerXml(TestMarkers markers)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><application xmlns="urn:strongchain:application:v1">""");
        Append("templateVersion", markers.TemplateVersion);
        Append("roundId", markers.RoundId);
        Append("demandId", markers.DemandId);
        return xml.Append("</application>").ToString();

        void Append(string name, string? value)
        {
            if (value is not null)
            {
                xml.Append($"<{name}>{value}</{name}>");
            }
        }
    }

    private static string Separators(string kind) =>
        $"""<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>""";

    private static void AddCustomXml(MainDocumentPart main, string xml)
    {
        var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml);
        Feed(part, xml);
        var properties = part.AddNewPart<CustomXmlPropertiesPart>();
        Feed(properties, $$"""<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{{{Guid.NewGuid().ToString().ToUpperInvariant()}}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>""");
    }

    private static void AddProperties(WordprocessingDocument document, TestMarkers markers)
    {
        var part = document.AddCustomFilePropertiesPart();
        var properties = new Properties();
        var id = 2;
        Add("templateVersion", markers.TemplateVersion);
        Add("roundId", markers.RoundId);
        Add("demandId", markers.DemandId);
        part.Properties = properties;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                properties.AppendChild(new CustomDocumentProperty(new VTLPWSTR(value))
                {
                    FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                    PropertyId = id++,
                    Name = name,
                });
            }
        }
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }
}

/// <summary>Rewrites entries of an existing zip, to make damaged or hostile variants of a valid package.</summary>
public static class ZipEdit
{
    public static byte[] Replace(byte[] package, string entryName, string content) =>
        Edit(package, archive =>
        {
            archive.GetEntry(entryName)?.Delete();
            var entry = archive.CreateEntry(entryName);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(content);
        });

    public static byte[] Remove(byte[] package, string entryName) =>
        Edit(package, archive => archive.GetEntry(entryName)?.Delete());

    public static byte[] Add(byte[] package, string entryName, byte[] content) =>
        Edit(package, archive =>
        {
            using var stream = archive.CreateEntry(entryName).Open();
            stream.Write(content);
        });

    public static string Read(byte[] package, string entryName)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Edit(byte[] package, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            edit(archive);
        }

        return stream.ToArray();
    }
}
