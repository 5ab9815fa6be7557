using System.Text;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>What kind of Office package an upload must be (Word or Excel), and its rejections worded for that kind.</summary>
public sealed class PackageKind
{
    private readonly string _extension;
    private readonly string _app;
    private readonly (string Zh, string En) _name;
    private readonly (string Zh, string En) _filled;

    private PackageKind(string mainPart, string legacyStream, string extension, string legacyExtension, string notOfKindCode, string app, (string Zh, string En) name, (string Zh, string En) filled)
    {
        MainPart = mainPart;
        LegacyStreamName = Encoding.Unicode.GetBytes(legacyStream);
        _extension = extension;
        LegacyExtension = legacyExtension;
        NotOfKindCode = notOfKindCode;
        _app = app;
        _name = name;
        _filled = filled;
    }

    /// <summary>A Word document (.docx, macro-free .dotx).</summary>
    public static PackageKind Word { get; } = new("word/document.xml", "WordDocument", "docx", "doc", "not-a-docx", "Word",
        ("Word 文档", "a Word document"), ("申报书", "application form"));

    /// <summary>An Excel workbook (.xlsx, macro-free .xltx).</summary>
    public static PackageKind Excel { get; } = new("xl/workbook.xml", "Workbook", "xlsx", "xls", "not-an-xlsx", "Excel",
        ("Excel 工作簿", "an Excel workbook"), ("技术需求榜单", "demand list workbook"));

    /// <summary>The part every package of this kind has.</summary>
    public string MainPart { get; }

    /// <summary>The compound-file stream name of the 97-2003 binary format, as UTF-16 bytes.</summary>
    internal byte[] LegacyStreamName { get; }

    /// <summary>The code of "this is not a file of this kind": <c>not-a-docx</c> or <c>not-an-xlsx</c>.</summary>
    public string NotOfKindCode { get; }

    private string LegacyExtension { get; }


    public DocumentRejectedException Empty() => new(
        "empty", 400,
        $"上传的文件为空，请选择填写好的{_filled.Zh}（.{_extension}）后重新上传。",
        $"The uploaded file is empty; choose the filled {_filled.En} (.{_extension}) and upload it again.");

    public DocumentRejectedException NotOfKind() => new(
        NotOfKindCode, 415,
        $"文件不是 {_name.Zh}（.{_extension}），请在 {_app} 中另存为 .{_extension} 格式后上传。",
        $"The file is not {_name.En} (.{_extension}); save it as .{_extension} in {_app} and upload that.");

    public DocumentRejectedException Encrypted() => new(
        "encrypted", 415,
        $"文件设置了打开密码，请在 {_app} 中取消密码保护后重新上传。",
        $"The file is password-protected; remove the password in {_app} and upload it again.");

    public DocumentRejectedException LegacyFormat() => new(
        $"legacy-{LegacyExtension}", 415,
        $"文件是旧版 {_app} 97-2003 格式（.{LegacyExtension}），请在 {_app} 中另存为 .{_extension} 格式后上传。",
        $"The file is in the old {_app} 97-2003 format (.{LegacyExtension}); save it as .{_extension} in {_app} and upload that.");

    public DocumentRejectedException MacroEnabled() => new(
        "macro-enabled", 415,
        $"文件包含宏（.{_extension[..^1]}m），请在 {_app} 中另存为不含宏的 .{_extension} 格式后上传。",
        $"The file contains macros (.{_extension[..^1]}m); save it as a macro-free .{_extension} in {_app} and upload that.");

    public DocumentRejectedException ZipBomb() => new(
        "zip-bomb", 413,
        "文件解压后过大，请删除多余的图片或内容后重新保存上传。",
        "The file is too large once unpacked; remove surplus images or content, save it and upload it again.");

    public DocumentRejectedException XmlDtd() => new(
        "xml-dtd", 400,
        $"文件包含不允许的 XML 文档类型声明，请在 {_app} 中重新保存后上传。",
        $"The file contains a forbidden XML document type declaration; save it again in {_app} and upload it.");

    public DocumentRejectedException Corrupt(Exception? inner = null) => new(
        "corrupt", 400,
        $"文件已损坏或不完整，请在 {_app} 中重新保存后上传。",
        $"The file is damaged or incomplete; save it again in {_app} and upload it.",
        inner);
}
