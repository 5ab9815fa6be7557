using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>Opens an uploaded .docx read-only, only after <see cref="DocxPackageGuard"/> has passed it.</summary>
public static class DocxOpener
{
    /// <summary>Guards, then opens; every failure is a <see cref="DocumentRejectedException"/>, never an SDK exception.</summary>
    public static WordprocessingDocument OpenReadOnly(byte[] bytes, PackageLimits limits)
    {
        DocxPackageGuard.EnsureSafeDocx(bytes, limits);
        WordprocessingDocument? document = null;
        try
        {
            var settings = new OpenSettings
            {
                AutoSave = false,

                // A part cannot hold more characters than the package may inflate to.
                MaxCharactersInPart = limits.MaxInflatedBytes,
            };
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, settings);

            // Load the main part now so a broken one fails here, inside the mapping below.
            if (document.MainDocumentPart?.Document is null)
            {
                throw DocxRejections.NotADocx();
            }

            return document;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException)
        {
            document?.Dispose();
            throw DocxRejections.Corrupt(ex);
        }
        catch (DocumentRejectedException)
        {
            document?.Dispose();
            throw;
        }
    }
}
