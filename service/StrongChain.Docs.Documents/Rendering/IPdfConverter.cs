namespace StrongChain.Docs.Documents.Rendering;

/// <summary>
/// A converter that takes LibreOffice's place behind <see cref="PdfRenderer"/> (Microsoft Graph's <c>?format=pdf</c>):
/// the renderer keeps its cache, its one-conversion-per-document sharing, its timeout and its <c>%PDF</c> check.
/// </summary>
public interface IPdfConverter
{
    /// <summary>Shown in logs (<c>graph</c>).</summary>
    string Name { get; }

    /// <summary>The PDF of <paramref name="docx"/>; throws <see cref="PdfRenderingException"/> or any delivery error when it cannot.</summary>
    Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct);
}
