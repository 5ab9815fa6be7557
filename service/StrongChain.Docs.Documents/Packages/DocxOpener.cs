using DocumentFormat.OpenXml.Packaging;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>Opens an uploaded .docx read-only, only after the guard has passed it.</summary>
public static class DocxOpener
{
    /// <summary>Guards, then opens; every failure is a <see cref="DocumentRejectedException"/>, never an SDK exception.</summary>
    public static WordprocessingDocument OpenReadOnly(byte[] bytes, PackageLimits limits) => PackageOpener.OpenWord(bytes, limits);
}
