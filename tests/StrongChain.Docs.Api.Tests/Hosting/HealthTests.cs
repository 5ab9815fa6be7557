using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Tests.Hosting;

/// <summary><c>/health/ready</c>: store reachable, every migration applied, the renderer's state; <c>/health</c> stays liveness.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    [Fact]
    public async Task Ready_names_the_store_every_migration_applied_and_the_renderer()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(TestDatabase.UsesPostgres ? "Postgres" : "Sqlite", body.GetProperty("store").GetProperty("provider").GetString());
        var migrations = body.GetProperty("migrations");
        Assert.Equal("ok", migrations.GetProperty("status").GetString());
        Assert.Equal(Known().Count, migrations.GetProperty("known").GetInt32());
        Assert.Equal(0, migrations.GetProperty("unknown").GetInt32());
        Assert.Equal(0, migrations.GetProperty("pending").GetArrayLength());
        Assert.Equal("ok", body.GetProperty("renderer").GetProperty("status").GetString());
        Assert.Equal("libreoffice", body.GetProperty("renderer").GetProperty("converter").GetString());
    }

    [Fact]
    public async Task A_migration_not_applied_makes_the_instance_not_ready_but_alive()
    {
        using var client = _factory.CreateClient();
        var last = Known()[^1];
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}"""));
        }

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.JsonAsync();
        Assert.Equal("not-ready", body.GetProperty("status").GetString());
        Assert.Equal("pending", body.GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal([last], body.GetProperty("migrations").GetProperty("pending").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Without_LibreOffice_the_instance_is_ready_unless_the_renderer_is_required()
    {
        using var lenient = _factory.WithWebHostBuilder(b => b.UseSetting("Rendering:Soffice", "/nonexistent/soffice"));
        using var strict = _factory.WithWebHostBuilder(b => b.UseSetting("Rendering:Soffice", "/nonexistent/soffice").UseSetting("Health:RequireRenderer", "true"));

        var relaxed = await lenient.CreateClient().GetAsync("/health/ready");
        var required = await strict.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, relaxed.StatusCode);
        Assert.Equal("unavailable", (await relaxed.JsonAsync()).GetProperty("renderer").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, required.StatusCode);
        var body = await required.JsonAsync();
        Assert.Equal("not-ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("migrations").GetProperty("status").GetString());
    }

    private List<string> Known()
    {
        using var scope = _factory.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<DocsDbContext>().Database.GetMigrations()];
    }

    public void Dispose() => _factory.Dispose();
}
