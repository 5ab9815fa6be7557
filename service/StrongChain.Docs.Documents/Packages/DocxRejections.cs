namespace StrongChain.Docs.Documents.Packages;

/// <summary>The rejections of uploads, each with its status and a bilingual message saying what to do.</summary>
public static class DocxRejections
{
    public static DocumentRejectedException Empty() => new(
        "empty", 400,
        "上传的文件为空，请选择填写好的申报书（.docx）后重新上传。",
        "The uploaded file is empty; choose the filled application form (.docx) and upload it again.");

    public static DocumentRejectedException NotADocx() => new(
        "not-a-docx", 415,
        "文件不是 Word 文档（.docx），请在 Word 中另存为 .docx 格式后上传。",
        "The file is not a Word document (.docx); save it as .docx in Word and upload that.");

    public static DocumentRejectedException Encrypted() => new(
        "encrypted", 415,
        "文件设置了打开密码，请在 Word 中取消密码保护后重新上传。",
        "The file is password-protected; remove the password in Word and upload it again.");

    public static DocumentRejectedException LegacyDoc() => new(
        "legacy-doc", 415,
        "文件是旧版 Word 97-2003 格式（.doc），请在 Word 中另存为 .docx 格式后上传。",
        "The file is in the old Word 97-2003 format (.doc); save it as .docx in Word and upload that.");

    public static DocumentRejectedException MacroEnabled() => new(
        "macro-enabled", 415,
        "文件包含宏（.docm），请在 Word 中另存为不含宏的 .docx 格式后上传。",
        "The file contains macros (.docm); save it as a macro-free .docx in Word and upload that.");

    public static DocumentRejectedException ZipBomb() => new(
        "zip-bomb", 413,
        "文件解压后过大，请删除多余的图片或内容后重新保存上传。",
        "The file is too large once unpacked; remove surplus images or content, save it and upload it again.");

    public static DocumentRejectedException XmlDtd() => new(
        "xml-dtd", 400,
        "文件包含不允许的 XML 文档类型声明，请在 Word 中重新保存后上传。",
        "The file contains a forbidden XML document type declaration; save it again in Word and upload it.");

    public static DocumentRejectedException Corrupt(Exception? inner = null) => new(
        "corrupt", 400,
        "文件已损坏或不完整，请在 Word 中重新保存后上传。",
        "The file is damaged or incomplete; save it again in Word and upload it.",
        inner);
}
