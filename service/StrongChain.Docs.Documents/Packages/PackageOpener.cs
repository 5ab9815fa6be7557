using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>Opens an uploaded workbook read-only with the Open XML SDK, only after <see cref="OfficePackageGuard"/> has passed it (.docx uploads are streamed by <c>WordPackage</c> instead).</summary>
public static class PackageOpener
{
    /// <summary>Guards, then opens an .xlsx; every failure is a <see cref="DocumentRejectedException"/>, never an SDK exception.</summary>
    public static SpreadsheetDocument OpenSpreadsheet(byte[] bytes, PackageLimits limits) =>
        Open(bytes, limits, PackageKind.Excel, (s, o) => SpreadsheetDocument.Open(s, false, o), d => d.WorkbookPart?.Workbook is not null);

    private static T Open<T>(byte[] bytes, PackageLimits limits, PackageKind kind, Func<Stream, OpenSettings, T> open, Func<T, bool> hasMainPart)
        where T : OpenXmlPackage
    {
        OfficePackageGuard.EnsureSafe(bytes, limits, kind);
        T? package = null;
        try
        {
            var settings = new OpenSettings
            {
                AutoSave = false,

                // A part cannot hold more characters than the package may inflate to.
                MaxCharactersInPart = limits.MaxInflatedBytes,
            };
            package = open(new MemoryStream(bytes, writable: false), settings);

            // Load the main part now so a broken one fails here, inside the mapping below.
            if (!hasMainPart(package))
            {
                throw kind.NotOfKind();
            }

            return package;
        }
        catch (Exception ex) when (PackageReadFailure.Is(ex))
        {
            package?.Dispose();
            throw kind.Corrupt(ex);
        }
        catch (DocumentRejectedException)
        {
            package?.Dispose();
            throw;
        }
    }
}
