using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using static StrongChain.Docs.Documents.Tests.Support.Wml;

namespace StrongChain.Docs.Documents.Tests.Packages;

public sealed class WordPackageGuardTests
{
    private static readonly PackageLimits Limits = PackageLimits.Default;

    private static byte[] ValidDocx() => DocxFactory.WithBody(P(Sdt(Props("applicant.name", "单位名称", Text), R("北京强链科技有限公司"))));

    private static DocumentRejectedException Rejected(byte[] bytes) =>
        Assert.Throws<DocumentRejectedException>(() => OfficePackageGuard.EnsureSafe(bytes, Limits, PackageKind.Word));

    private static void AssertRejected(byte[] bytes, string code, int status)
    {
        var rejected = Rejected(bytes);
        Assert.Equal((code, status), (rejected.Code, rejected.Status));
        Assert.False(string.IsNullOrWhiteSpace(rejected.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(rejected.MessageEn));
    }

    /// <summary>A compound file header followed by directory entries with the given UTF-16 names.</summary>
    private static byte[] CompoundFile(params string[] streams)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var name in streams.Prepend("Root Entry"))
        {
            var entry = new byte[128];
            Encoding.Unicode.GetBytes(name).CopyTo(entry, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(64), (ushort)((name.Length + 1) * 2));
            bytes.AddRange(entry);
        }

        return [.. bytes];
    }

    [Fact]
    public void A_valid_docx_passes_and_reads()
    {
        var bytes = ValidDocx();

        OfficePackageGuard.EnsureSafe(bytes, Limits, PackageKind.Word);
        OfficePackageGuard.EnsureSafe(bytes.AsSpan(), Limits, PackageKind.Word);
        OfficePackageGuard.EnsureSafe(new MemoryStream(bytes), Limits, PackageKind.Word);
        Assert.Equal("北京强链科技有限公司", Assert.Single(ContentControlReader.Read(bytes, Limits)).Text);
    }

    [Fact]
    public void Empty_upload() => AssertRejected([], "empty", 400);

    [Fact]
    public void A_pdf_is_not_a_docx() => AssertRejected("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray(), "not-a-docx", 415);

    [Fact]
    public void Plain_text_is_not_a_docx() => AssertRejected("单位名称：北京强链科技有限公司\n"u8.ToArray(), "not-a-docx", 415);

    [Fact]
    public void A_zip_without_the_main_document_is_not_a_docx() =>
        AssertRejected(ZipEdit.Remove(ValidDocx(), "word/document.xml"), "not-a-docx", 415);

    [Fact]
    public void A_zip_without_content_types_is_not_a_docx() =>
        AssertRejected(ZipEdit.Remove(ValidDocx(), "[Content_Types].xml"), "not-a-docx", 415);

    [Fact]
    public void A_docm_content_type_is_macro_enabled()
    {
        var bytes = ValidDocx();
        var types = ZipEdit.Read(bytes, "[Content_Types].xml").Replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            StringComparison.Ordinal);

        AssertRejected(ZipEdit.Replace(bytes, "[Content_Types].xml", types), "macro-enabled", 415);
    }

    [Fact]
    public void A_vba_project_part_is_macro_enabled() =>
        AssertRejected(ZipEdit.Add(ValidDocx(), "word/vbaProject.bin", [0xCC, 0x61, 0xFF, 0xFF]), "macro-enabled", 415);

    [Fact]
    public void An_encrypted_package_is_encrypted() =>
        AssertRejected(CompoundFile("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"), "encrypted", 415);

    [Fact]
    public void A_word_97_document_is_legacy() =>
        AssertRejected(CompoundFile("WordDocument", "1Table", "\u0005SummaryInformation"), "legacy-doc", 415);

    [Fact]
    public void Another_compound_file_is_not_a_docx() =>
        AssertRejected(CompoundFile("Workbook"), "not-a-docx", 415);

    [Fact]
    public void A_zip_bomb_is_refused_from_its_declared_size()
    {
        // 200 MiB of zeros deflates to about 200 KB; written in chunks so the test never holds it inflated.
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(archive, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            AddText(archive, "word/document.xml", $"""<w:document {DocxFactory.Namespaces}><w:body/></w:document>""");
            using var zeros = archive.CreateEntry("word/media/image1.png", CompressionLevel.Fastest).Open();
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                zeros.Write(chunk);
            }
        }

        Assert.True(stream.Length < 2 * 1024 * 1024);
        AssertRejected(stream.ToArray(), "zip-bomb", 413);
    }

    [Fact]
    public void An_entry_that_inflates_beyond_its_declared_size_is_a_zip_bomb()
    {
        // 600 KiB of zeros (under the ratio threshold) whose headers claim 1,000 bytes.
        var bytes = ZipEdit.Add(ValidDocx(), "word/media/zeros.bin", new byte[600 * 1024]);
        LieAboutSize(bytes, "word/media/zeros.bin", 1000);

        AssertRejected(bytes, "zip-bomb", 413);
    }

    [Fact]
    public void Too_many_entries_is_a_zip_bomb()
    {
        var bytes = ValidDocx();
        var limits = Limits with { MaxEntries = 2 };

        var rejected = Assert.Throws<DocumentRejectedException>(() => OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Word));

        Assert.Equal("zip-bomb", rejected.Code);
    }

    [Fact]
    public void A_doctype_with_an_external_entity_is_refused()
    {
        var bytes = ValidDocx();
        var xml = $"""<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {DocxFactory.Namespaces}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>""";

        AssertRejected(ZipEdit.Replace(bytes, "word/document.xml", xml), "xml-dtd", 400);
    }

    [Fact]
    public void Malformed_xml_is_corrupt() =>
        AssertRejected(ZipEdit.Replace(ValidDocx(), "word/document.xml", "<w:document><w:body>"), "corrupt", 400);

    [Fact]
    public void A_truncated_zip_is_corrupt()
    {
        var bytes = ValidDocx();

        AssertRejected(bytes[..(bytes.Length / 2)], "corrupt", 400);
    }

    [Fact]
    public void The_reader_refuses_what_the_packaging_layer_refuses_as_corrupt()
    {
        // Well-formed XML the packaging layer refuses: two relationships with one id.
        var bytes = ZipEdit.Replace(
            ValidDocx(),
            "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>""");

        var rejected = Assert.Throws<DocumentRejectedException>(() => ContentControlReader.Read(bytes, Limits));

        Assert.Equal(("corrupt", 400), (rejected.Code, rejected.Status));
    }

    [Fact]
    public void The_stream_overload_rewinds_a_seekable_stream()
    {
        using var stream = new MemoryStream(ValidDocx());

        OfficePackageGuard.EnsureSafe(stream, Limits, PackageKind.Word);

        Assert.Equal(0, stream.Position);
    }

    private static void AddText(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>Rewrites the uncompressed size in an entry's local and central headers.</summary>
    private static void LieAboutSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034B50 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes)
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 26)) == nameBytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
                patched++;
            }
            else if (signature == 0x02014B50 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes)
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28)) == nameBytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
    }

    private static void AssertRejectedAsWorkbook(byte[] bytes, string code, int status)
    {
        var rejected = Assert.Throws<DocumentRejectedException>(() => OfficePackageGuard.EnsureSafe(bytes, Limits, PackageKind.Excel));
        Assert.Equal((code, status), (rejected.Code, rejected.Status));
        Assert.Contains("Excel", rejected.MessageZh, StringComparison.Ordinal);
        Assert.Contains("Excel", rejected.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_made_by_our_template_passes_the_workbook_guard()
    {
        OfficePackageGuard.EnsureSafe(StrongChain.Docs.Testing.DemandWorkbooks.Template(), Limits, PackageKind.Excel);
    }

    [Fact]
    public void Word_document_is_not_a_workbook_and_a_workbook_is_not_a_Word_document()
    {
        AssertRejectedAsWorkbook(ValidDocx(), "not-an-xlsx", 415);
        AssertRejected(StrongChain.Docs.Testing.DemandWorkbooks.Template(), "not-a-docx", 415);
    }

    [Fact]
    public void Excel_97_2003_workbook_is_legacy_xls_and_an_encrypted_one_is_encrypted()
    {
        AssertRejectedAsWorkbook(CompoundFile("Workbook", "\u0005SummaryInformation"), "legacy-xls", 415);
        AssertRejectedAsWorkbook(CompoundFile("EncryptionInfo", "EncryptedPackage"), "encrypted", 415);
    }

    [Fact]
    public void Macro_enabled_workbook_is_refused()
    {
        var xlsm = StrongChain.Docs.Testing.BadUploads.Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>""")),
            ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")),
            ("xl/vbaProject.bin", [1, 2, 3]));

        AssertRejectedAsWorkbook(xlsm, "macro-enabled", 415);
    }
}
