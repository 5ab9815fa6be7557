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

    /// <summary>
    /// Keep one LibreOffice running per worker and convert through it over UNO (a warm conversion skips LibreOffice's
    /// start-up); off: one <c>soffice --convert-to pdf</c> process per conversion, which is also the fallback when it fails.
    /// </summary>
    public bool Resident { get; init; } = true;

    /// <summary>A resident LibreOffice is replaced (closed, a new one started) after this many documents: a long-running soffice grows in memory.</summary>
    public int ResidentRecycleAfter { get; init; } = 500;

    /// <summary>The Python that runs the resident helper: it must import <c>uno</c> (Debian: python3-uno, for /usr/bin/python3).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>The renderer's folder: <c>cache/</c> (PDFs by the .docx's SHA-256), <c>profiles/</c>, <c>jobs/</c>, <c>fonts.conf</c>, <c>resident.py</c>.</summary>
    public required string Directory { get; init; }
}
