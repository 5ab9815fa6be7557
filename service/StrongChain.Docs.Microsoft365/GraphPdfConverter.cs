using StrongChain.Docs.Documents.Rendering;

namespace StrongChain.Docs.Microsoft365;

/// <summary>PDF rendering by Microsoft Graph behind the service's <see cref="PdfRenderer"/> (<c>Graph:RenderPdf</c>).</summary>
public sealed class GraphPdfConverter(GraphDeliveryTarget graph) : IPdfConverter
{
    public string Name => "graph";

    public Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct) => graph.ConvertToPdfAsync(docx, ct);
}
