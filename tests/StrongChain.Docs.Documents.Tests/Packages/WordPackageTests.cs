using System.IO.Compression;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Testing;
using static StrongChain.Docs.Documents.Tests.Support.Wml;

namespace StrongChain.Docs.Documents.Tests.Packages;

/// <summary>The reader reads the parts in the guard's pass: the guard's refusals hold for them, and damaged relationships are refused too.</summary>
public sealed class WordPackageTests
{
    private static byte[] ValidDocx()
    {
        var factory = new DocxFactory { Body = P(Sdt(Props("applicant.name", "单位名称", Text), R("北京强链科技有限公司"))) };
        factory.Headers.Add(P(Sdt(Props("header.tag", null, Text), R("页眉"))));
        return factory.Build();
    }

    private static string Rejected(byte[] bytes) =>
        Assert.Throws<DocumentRejectedException>(() => ContentControlReader.Read(bytes)).Code;

    private static string PackageRelationships(string target) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>""";

    [Fact]
    public void A_valid_package_reads_its_document_and_header_controls()
    {
        var controls = ContentControlReader.Read(ValidDocx());

        Assert.Equal([("applicant.name", "document"), ("header.tag", "header")], controls.Select(c => (c.Tag, c.Part)));
    }

    [Fact]
    public void A_doctype_in_a_part_the_reader_reads_is_still_xml_dtd()
    {
        var bytes = ValidDocx();
        var name = HeaderName(bytes);
        var part = ZipEdit.Read(bytes, name);
        var withDtd = """<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa">]>""" + part[(part.IndexOf("?>", StringComparison.Ordinal) + 2)..];

        Assert.Equal("xml-dtd", Rejected(ZipEdit.Replace(bytes, name, withDtd)));
    }

    [Fact]
    public void A_relationship_to_a_part_that_is_not_there_is_corrupt()
    {
        var bytes = ZipEdit.Replace(ValidDocx(), "_rels/.rels", PackageRelationships("/word/missing.xml"));

        Assert.Equal("corrupt", Rejected(bytes));
    }

    [Fact]
    public void A_relationship_id_that_is_no_xml_name_is_corrupt()
    {
        var bytes = ZipEdit.Replace(ValidDocx(), "_rels/.rels", PackageRelationships("/word/document.xml").Replace("rId1", "1rId", StringComparison.Ordinal));

        Assert.Equal("corrupt", Rejected(bytes));
    }

    [Fact]
    public void A_package_without_a_main_document_relationship_is_not_a_docx()
    {
        var bytes = ZipEdit.Replace(
            ValidDocx(),
            "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>""");

        Assert.Equal("not-a-docx", Rejected(bytes));
    }

    [Fact]
    public void A_main_relationship_to_a_part_that_is_no_document_is_corrupt()
    {
        var bytes = ValidDocx();
        var header = HeaderName(bytes);

        Assert.Equal("corrupt", Rejected(ZipEdit.Replace(bytes, "_rels/.rels", PackageRelationships("/" + header))));
    }

    [Fact]
    public void A_relative_main_target_resolves_from_the_package_root()
    {
        var bytes = ZipEdit.Replace(ValidDocx(), "_rels/.rels", PackageRelationships("./word/../word/document.xml"));

        Assert.Equal("applicant.name", ContentControlReader.Read(bytes)[0].Tag);
    }

    [Fact]
    public void A_strict_open_xml_document_reads_as_its_transitional_twin()
    {
        // Word's "Strict Open XML Document" names the same elements and relationships under other namespaces.
        var transitional = TestAssets.Read(TestForms.CompleteValid);
        var strict = transitional;
        foreach (var name in XmlEntryNames(transitional))
        {
            var xml = ZipEdit.Read(transitional, name);
            foreach (var (from, to) in StrictNamespaces)
            {
                xml = xml.Replace(from, to, StringComparison.Ordinal);
            }

            strict = ZipEdit.Replace(strict, name, xml);
        }

        Assert.Contains(StrictNamespaces[0].Strict, ZipEdit.Read(strict, "word/document.xml"), StringComparison.Ordinal);
        Assert.Equal(Json(FilledFormReader.Read(transitional)), Json(FilledFormReader.Read(strict)));
    }

    private static readonly (string Transitional, string Strict)[] StrictNamespaces =
    [
        ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
        ("http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "http://purl.oclc.org/ooxml/officeDocument/customProperties"),
    ];

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static List<string> XmlEntryNames(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal))];
    }

    private static string HeaderName(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.Single(e => e.FullName.StartsWith("word/header", StringComparison.Ordinal)).FullName;
    }
}
