using System.IO.Compression;
using System.Text;

namespace StrongChain.Docs.Testing;

/// <summary>Real bytes of the uploads the service must refuse, each named for what it is.</summary>
public static class BadUploads
{
    public static byte[] Empty => [];

    public static byte[] PdfFile => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] PlainText => Encoding.UTF8.GetBytes("揭榜任务申报书：这不是一个 Word 文件。");

    /// <summary>A zip that holds no Word document (e.g. an archive of photos).</summary>
    public static byte[] ZipWithoutDocument => Zip(("photo.txt", Encoding.ASCII.GetBytes("not a document")));

    /// <summary>A valid Word document that is not our form: no markers, no content controls.</summary>
    public static byte[] ForeignDocx => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        ("word/document.xml", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>""")));

    /// <summary>A .docm: the macro-enabled content type and a vbaProject part.</summary>
    public static byte[] MacroEnabled => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        ("word/document.xml", Encoding.UTF8.GetBytes(
            """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>""")),
        ("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]));

    /// <summary>What Word writes for a password-protected .docx: an OLE compound file holding EncryptionInfo and EncryptedPackage.</summary>
    public static byte[] Encrypted
    {
        get
        {
            var bytes = new byte[4096];
            byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            magic.CopyTo(bytes, 0);
            Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
            Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
            return bytes;
        }
    }

    /// <summary>A zip whose one entry inflates to 200 MiB of zeros (a few hundred KiB on the wire).</summary>
    public static byte[] ZipBomb
    {
        get
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                AddEntry(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(
                    """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""));
                var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
                using var stream = entry.Open();
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 200; i++)
                {
                    stream.Write(zeros);
                }
            }

            return buffer.ToArray();
        }
    }

    /// <summary>A .docx whose document part declares a DTD with an external entity (XXE).</summary>
    public static byte[] WithExternalEntity(byte[] docx) => ReplaceEntry(docx, "word/document.xml", xml =>
        xml.Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", string.Empty, StringComparison.OrdinalIgnoreCase)
           .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", string.Empty, StringComparison.OrdinalIgnoreCase)
           .Insert(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));

    /// <summary>The first <paramref name="length"/> bytes of a file, as a broken upload leaves it.</summary>
    public static byte[] Truncated(byte[] bytes, int length) => bytes[..Math.Min(length, bytes.Length)];

    /// <summary>More than the 20 MiB limit of api.md.</summary>
    public static byte[] Oversized => new byte[(20 * 1024 * 1024) + 1];

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                AddEntry(zip, name, content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A workbook whose second row claims a row number beyond UInt32 (the SDK's typed value overflows).</summary>
    public static byte[] WorkbookRowNumberOverflow(byte[] xlsx) => ReplaceEntry(xlsx, "xl/worksheets/sheet1.xml",
        x => Once(x, "<x:row r=\"2\">", "<x:row r=\"99999999999\">"));

    /// <summary>A workbook whose sheet relationship to its table has an empty type (System.IO.Packaging refuses it when the sheet's parts load).</summary>
    public static byte[] WorkbookBlankSheetRelationshipType(byte[] xlsx) => ReplaceEntry(xlsx, "xl/worksheets/_rels/sheet1.xml.rels",
        x => Once(x, "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/table\"", "Type=\" \""));

    /// <summary>A package whose root relationship to its main part has an empty target.</summary>
    public static byte[] PackageRelationshipWithoutTarget(byte[] package) => ReplaceEntry(package, "_rels/.rels",
        x => Once(x, "Target=\"/xl/workbook.xml\"", "Target=\"\""));

    private static string Once(string text, string find, string replace) =>
        text.Contains(find, StringComparison.Ordinal)
            ? text.Replace(find, replace, StringComparison.Ordinal)
            : throw new ArgumentException($"'{find}' is not in the part.", nameof(find));

    /// <summary>A copy of a package with one part's XML text rewritten.</summary>
    public static byte[] ReplaceEntry(byte[] package, string name, Func<string, string> rewrite)
    {
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(name) ?? throw new ArgumentException($"No part {name} in the package.", nameof(name));
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            AddEntry(zip, name, Encoding.UTF8.GetBytes(rewrite(text)));
        }

        return buffer.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
