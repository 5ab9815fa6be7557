using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Hosting;

/// <summary>
/// <c>GET /health</c> (liveness: the process answers and the store is reachable, as api.md says) and <c>GET /health/ready</c>
/// (readiness for a load balancer: store reachable, every migration of this build applied, the PDF renderer's state).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Bound on the store checks, so a hung database makes readiness answer 503, not hang the probe.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static void MapDocsHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requireRenderer = app.Configuration.GetValue("Health:RequireRenderer", false);
        app.MapGet("/health", async (DocsDbContext db, CancellationToken ct) => await db.Database.CanConnectAsync(ct)
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "store-unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        app.MapGet("/health/ready", async (DocsDbContext db, StorageProvider provider, PdfRenderer renderer, CancellationToken ct) =>
        {
            var store = await StoreAsync(db, provider, ct);
            var rendering = Renderer(renderer);
            var ready = store.Ready && (!requireRenderer || rendering.Status == "ok");
            var body = new ReadinessReport(ready ? "ready" : "not-ready", store.Check, store.Migrations, rendering);
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }

    private static async Task<(bool Ready, StoreCheck Check, MigrationsCheck Migrations)> StoreAsync(DocsDbContext db, StorageProvider provider, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().Count();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(StoreTimeout);
        try
        {
            if (!await db.Database.CanConnectAsync(bound.Token))
            {
                return (false, new StoreCheck("unavailable", provider.Name, null), new MigrationsCheck("unknown", known, null, []));
            }

            var applied = (await db.Database.GetAppliedMigrationsAsync(bound.Token)).ToHashSet(StringComparer.Ordinal);
            var pending = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
            // A migration in the database that this build does not know: a newer version migrated it (an upgrade in progress).
            var unknown = applied.Count(m => !db.Database.GetMigrations().Contains(m, StringComparer.Ordinal));
            var migrations = new MigrationsCheck(pending.Count == 0 ? "ok" : "pending", known, unknown, pending);
            return (pending.Count == 0, new StoreCheck("ok", provider.Name, null), migrations);
        }
        catch (Exception e) when (StoreErrors.IsUnavailable(e) || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (false, new StoreCheck("unavailable", provider.Name, e.GetType().Name), new MigrationsCheck("unknown", known, null, []));
        }
    }

    private static RendererCheck Renderer(PdfRenderer renderer) => renderer switch
    {
        { Converter: { } converter } => new RendererCheck("ok", converter.Name, null),
        { SofficePath: { } soffice } => new RendererCheck("ok", "libreoffice", soffice),
        _ => new RendererCheck("unavailable", "libreoffice", null),
    };

    public sealed record ReadinessReport(string Status, StoreCheck Store, MigrationsCheck Migrations, RendererCheck Renderer);

    public sealed record StoreCheck(string Status, string Provider, string? Error);

    /// <summary><paramref name="Known"/> migrations in this build; <paramref name="Unknown"/> applied ones it does not know (newer).</summary>
    public sealed record MigrationsCheck(string Status, int Known, int? Unknown, IReadOnlyList<string> Pending);

    public sealed record RendererCheck(string Status, string Converter, string? Path);
}
