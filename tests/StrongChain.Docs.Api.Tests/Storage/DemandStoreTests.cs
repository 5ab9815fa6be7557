using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.Tests.Storage;

public sealed class DemandStoreTests : IDisposable
{
    private static readonly Actor Staff = new("staff-1", Actor.StaffRole, null);
    private readonly ServiceFactory _factory = new();

    public DemandStoreTests() => _factory.CreateClient().Dispose();

    [Fact]
    public async Task Upsert_inserts_updates_and_audits_review_status_changes()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var existing = (await store.DemandsAsync("demo", null, default)).ToList();
        var changed = existing[0] with { ReviewStatus = Demand.Rejected, Title = existing[0].Title + "（修订）" };
        var added = existing[1] with { Id = "DEMO-IT-99", ReviewStatus = Demand.Pending };

        var count = await store.UpsertRoundDemandsAsync("demo", [changed, added], Staff, default);

        Assert.Equal(2, count);
        Assert.Equal(changed, await store.FindDemandAsync(changed.Id, default));
        Assert.Equal(added, await store.FindDemandAsync(added.Id, default));
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var audit = await db.AuditEntries.Where(a => a.Actor == Staff.Id).OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityId }).ToListAsync();
        Assert.Contains(audit, a => a.Action == "demand.review-status" && a.EntityId == changed.Id);
        Assert.Contains(audit, a => a.Action == "demand.update" && a.EntityId == changed.Id);
        Assert.Contains(audit, a => a.Action == "demand.create" && a.EntityId == added.Id);
    }

    [Fact]
    public async Task Upsert_is_all_or_nothing_when_one_demand_belongs_to_another_round()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var demo = await store.FindDemandAsync("DEMO-IT-01", default);
        var first = await store.FindDemandAsync("QL2020-IT-01", default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertRoundDemandsAsync(
            "demo", [demo! with { Title = "新标题" }, first! with { RoundId = "demo" }], Staff, default));

        Assert.Equal(demo, await store.FindDemandAsync("DEMO-IT-01", default));
    }

    [Fact]
    public async Task Upsert_into_an_unknown_round_throws()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpsertRoundDemandsAsync("1999-01", [], Staff, default));
    }

    [Fact]
    public async Task Upsert_of_many_demands_spans_several_batched_statements_with_one_audit_entry_each()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var template = (await store.DemandsAsync("demo", null, default))[0];
        // 450 rows: several statements on both providers; every other one with the optional fields empty (NULL parameters).
        var many = Enumerable.Range(0, 450).Select(i => template with
        {
            Id = $"DEMO-BULK-{i:D3}", Title = $"批量需求 {i}", ReviewStatus = Demand.Pending,
            SubField = i % 2 == 0 ? null : template.SubField, DeadlineMonths = i % 2 == 0 ? null : 12, ContactPhone = i % 2 == 0 ? null : "010-1234",
        }).ToList();

        Assert.Equal(450, await store.UpsertRoundDemandsAsync("demo", many, Staff, default));
        var reordered = many.Skip(1).Append(many[0]).ToList();
        Assert.Equal(450, await store.UpsertRoundDemandsAsync("demo", reordered, Staff, default));

        var stored = (await store.DemandsAsync("demo", null, default)).Where(d => d.Id.StartsWith("DEMO-BULK-", StringComparison.Ordinal)).ToList();
        Assert.Equal(reordered, stored);
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var audit = await db.AuditEntries.Where(a => a.Actor == Staff.Id && a.EntityId.StartsWith("DEMO-BULK-")).ToListAsync();
        Assert.Equal(450, audit.Count(a => a.Action == "demand.create"));
        Assert.DoesNotContain(audit, a => a.Action != "demand.create");
        Assert.All(audit, a => Assert.Equal(TimeSpan.Zero, a.At.Offset));
        Assert.Equal(many[2], JsonSerializer.Deserialize<Demand>(audit.Single(a => a.EntityId == many[2].Id).DetailJson!, StorageJson.Options));
        // Written straight to UTF-8 on SQLite: the same text as every other audit entry's JSON (Chinese unescaped, camelCase).
        Assert.Equal(JsonSerializer.Serialize<object>(many[1], StorageJson.Options), audit.Single(a => a.EntityId == many[1].Id).DetailJson);
    }

    [Fact]
    public async Task Upsert_with_an_id_twice_stores_nothing()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var template = (await store.DemandsAsync("demo", null, default))[0];
        var list = Enumerable.Range(0, 30).Select(i => template with { Id = $"DEMO-TWICE-{i % 29:D2}" }).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertRoundDemandsAsync("demo", list, Staff, default));

        Assert.DoesNotContain(await store.DemandsAsync("demo", null, default), d => d.Id.StartsWith("DEMO-TWICE-", StringComparison.Ordinal));
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId.StartsWith("DEMO-TWICE-")));
    }

    [Fact]
    public async Task Bulk_audit_entries_store_their_time_as_EF_Core_writes_it()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var template = (await store.DemandsAsync("demo", null, default))[0];
        await store.UpsertRoundDemandsAsync("demo", [template with { Id = "DEMO-AT-01", ReviewStatus = Demand.Pending }], Staff, default);
        // The same clock, written by EF Core's own SaveChanges.
        await store.SetReviewStatusAsync("DEMO-AT-01", Demand.Rejected, Staff, default);

        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == "DEMO-AT-01").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["demand.create", "demand.review-status"], entries.Select(a => a.Action));
        Assert.All(entries, a => Assert.Equal(_factory.Clock.GetUtcNow(), a.At));
        if (db.Database.IsSqlite())
        {
            // SQLite keeps the text: the bulk writer's must be byte for byte EF Core's, or ordering and comparisons on "At" would break.
            var texts = await db.Database.SqlQueryRaw<string>("SELECT \"At\" AS \"Value\" FROM \"AuditEntries\" WHERE \"EntityId\" = 'DEMO-AT-01' ORDER BY \"Id\"").ToListAsync();
            Assert.Equal(2, texts.Count);
            Assert.Equal(texts[1], texts[0]);
        }
    }

    [Fact]
    public async Task A_bulk_upsert_leaves_the_WAL_checkpoint_to_the_background_and_gives_the_connection_its_setting_back()
    {
        var checkpointer = _factory.Services.GetRequiredService<SqliteCheckpointer>();
        if (TestDatabase.UsesPostgres)
        {
            Assert.False(checkpointer.Enabled);
            return;
        }

        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_factory.Services.GetRequiredService<StorageProvider>().ConnectionString).DataSource;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
            var template = (await store.DemandsAsync("demo", null, default))[0];
            var before = new FileInfo(path).Length;
            var many = Enumerable.Range(0, DemandStore.BulkRows).Select(i => template with { Id = $"DEMO-WAL-{i:D4}", ReviewStatus = Demand.Pending }).ToList();

            Assert.Equal(DemandStore.BulkRows, await store.UpsertRoundDemandsAsync("demo", many, Staff, default));
            await checkpointer.Pending;

            // The rows reached the database file itself, copied there by the background checkpoint (nothing else wrote since).
            Assert.True(new FileInfo(path).Length > before + (DemandStore.BulkRows * 200), $"{before} → {new FileInfo(path).Length}");
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(1000L, await command.ExecuteScalarAsync());
        }
    }

    public void Dispose() => _factory.Dispose();
}
