namespace StrongChain.Docs.Documents.Rendering;

/// <summary>Settings of <see cref="PdfRenderer"/> (configuration section <c>Rendering</c> in the service).</summary>
public sealed record PdfRendererOptions
{
    public const string Section = "Rendering";

    /// <summary>The LibreOffice program: a name looked up on PATH, or a path.</summary>
    public string Soffice { get; init; } = "soffice";

    /// <summary>How many conversions may run at once, each in its own LibreOffice profile.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long one conversion may take before its process tree is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The renderer's folder: <c>cache/</c> (PDFs by the .docx's SHA-256), <c>profiles/</c>, <c>jobs/</c>, <c>fonts.conf</c>.</summary>
    public required string Directory { get; init; }
}
