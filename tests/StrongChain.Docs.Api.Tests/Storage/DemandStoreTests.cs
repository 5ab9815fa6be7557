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

    public void Dispose() => _factory.Dispose();
}
