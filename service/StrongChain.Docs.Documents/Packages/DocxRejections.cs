namespace StrongChain.Docs.Documents.Packages;

/// <summary>The rejections of Word uploads, each with its status and a bilingual message saying what to do.</summary>
public static class DocxRejections
{
    public static DocumentRejectedException Empty() => PackageKind.Word.Empty();

    public static DocumentRejectedException NotADocx() => PackageKind.Word.NotOfKind();

    public static DocumentRejectedException Encrypted() => PackageKind.Word.Encrypted();

    public static DocumentRejectedException LegacyDoc() => PackageKind.Word.LegacyFormat();

    public static DocumentRejectedException MacroEnabled() => PackageKind.Word.MacroEnabled();

    public static DocumentRejectedException ZipBomb() => PackageKind.Word.ZipBomb();

    public static DocumentRejectedException XmlDtd() => PackageKind.Word.XmlDtd();

    public static DocumentRejectedException Corrupt(Exception? inner = null) => PackageKind.Word.Corrupt(inner);
}
