using StrongChain.Docs.Documents.Packages;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// Reads every content control of a .docx in document order (api.md, "Forms"): the main document,
/// then headers and footers in the order the sections reference them, then footnotes and endnotes.
/// </summary>
/// <remarks>The parts are read in the upload guard's pass (<see cref="WordPackage"/>), one streaming walk each.</remarks>
public static class ContentControlReader
{
    /// <summary>Every content control of an upload, as the fields endpoint answers them; bad uploads throw <see cref="DocumentRejectedException"/>.</summary>
    public static IReadOnlyList<ContentControlInfo> Read(byte[] docx, PackageLimits? limits = null)
    {
        var details = ReadDetailed(docx, limits);
        var infos = new ContentControlInfo[details.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i] = details[i].Info;
        }

        return infos;
    }

    /// <summary>Every content control with its parent, repeating-item position and image flag.</summary>
    public static IReadOnlyList<ContentControlDetail> ReadDetailed(byte[] docx, PackageLimits? limits = null) =>
        WordPackage.Read(docx, limits ?? PackageLimits.Default).Controls;
}
