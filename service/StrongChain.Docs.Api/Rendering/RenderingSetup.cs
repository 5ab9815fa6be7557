using StrongChain.Docs.Documents.Rendering;

namespace StrongChain.Docs.Api.Rendering;

/// <summary>Registers the one <see cref="PdfRenderer"/> of the service from the <c>Rendering</c> settings.</summary>
public static class RenderingSetup
{
    /// <summary>
    /// <c>Rendering:Soffice</c> (default <c>soffice</c> on PATH), <c>Rendering:Workers</c> (2), <c>Rendering:TimeoutSeconds</c> (120),
    /// <c>Rendering:Resident</c> (true: one LibreOffice kept running per worker), <c>Rendering:Python</c> (<c>/usr/bin/python3</c>),
    /// <c>Rendering:ResidentRecycleAfter</c> (500 documents);
    /// the renderer's cache, profiles and jobs live in <c>pdf/</c> under the data folder.
    /// </summary>
    public static IServiceCollection AddPdfRendering(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(PdfRendererOptions.Section);
        var defaults = new PdfRendererOptions { Directory = Path.Combine(dataDirectory, "pdf") };
        var options = defaults with
        {
            Soffice = section["Soffice"] is { Length: > 0 } soffice ? soffice : defaults.Soffice,
            Workers = int.TryParse(section["Workers"], out var workers) && workers > 0 ? workers : defaults.Workers,
            Timeout = int.TryParse(section["TimeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : defaults.Timeout,
            Resident = bool.TryParse(section["Resident"], out var resident) ? resident : defaults.Resident,
            Python = section["Python"] is { Length: > 0 } python ? python : defaults.Python,
            ResidentRecycleAfter = int.TryParse(section["ResidentRecycleAfter"], out var recycle) && recycle > 0 ? recycle : defaults.ResidentRecycleAfter,
        };
        // An IPdfConverter registered elsewhere (Graph's ?format=pdf, Graph:RenderPdf) takes LibreOffice's place.
        services.AddSingleton(s =>
        {
            var logger = s.GetRequiredService<ILoggerFactory>().CreateLogger<PdfRenderer>();
            return new PdfRenderer(options, s.GetService<IPdfConverter>(), message => logger.LogWarning("{Fallback}", message));
        });
        return services;
    }

    /// <summary>Says at start-up when PDFs cannot be made, with the line that fixes it; the service runs on.</summary>
    public static void ReportRenderer(WebApplication app)
    {
        var renderer = app.Services.GetRequiredService<PdfRenderer>();
        if (renderer.Converter is { } converter)
        {
            app.Logger.LogInformation("PDFs are rendered by {Converter}, not LibreOffice", converter.Name);
        }
        else if (!renderer.IsAvailable)
        {
            app.Logger.LogWarning("LibreOffice was not found: PDF routes answer 503 pdf-renderer-unavailable. Install it with: {Command}", PdfRenderer.InstallCommand);
        }
        else if (renderer.ResidentMissingPython)
        {
            app.Logger.LogWarning("Rendering:Resident is on but {Python} was not found: each PDF starts its own LibreOffice (slower). Install python3-uno or set Rendering:Python", renderer.Options.Python);
        }
    }
}
