using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Dashboard;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Storage.Dashboard;

/// <summary>The dashboard's counts, made by the database (grouped per demand), never by loading applications.</summary>
public interface IDashboardStore
{
    /// <summary>The round's published demands (review status 通过), in the list's order: id, title and sector only.</summary>
    Task<IReadOnlyList<PublishedDemand>> PublishedDemandsAsync(string roundId, CancellationToken ct);

    /// <summary>Per demand of the round that has any application or agreement: applications, eligible, selected, agreements drafted.</summary>
    Task<IReadOnlyList<DemandCounts>> CountsAsync(string roundId, CancellationToken ct);

    /// <summary>The round's consortia: demand, support, joint investment and milestones.</summary>
    Task<IReadOnlyList<ConsortiumFacts>> ConsortiaAsync(string roundId, CancellationToken ct);
}

public sealed class DashboardStore(DocsDbContext db) : IDashboardStore
{
    public async Task<IReadOnlyList<PublishedDemand>> PublishedDemandsAsync(string roundId, CancellationToken ct) =>
        await db.Demands.AsNoTracking().Where(d => d.RoundId == roundId && d.ReviewStatus == Demand.Approved).OrderBy(d => d.Position)
            .Select(d => new PublishedDemand(d.Id, d.Title, d.Sector)).ToListAsync(ct);

    public async Task<IReadOnlyList<DemandCounts>> CountsAsync(string roundId, CancellationToken ct)
    {
        // One grouped query over the latest versions (index Applications.RoundId, key ApplicationVersions(ApplicationId, Version)).
        var applications = await (from a in db.Applications.AsNoTracking()
                                  where a.RoundId == roundId
                                  join v in db.ApplicationVersions.AsNoTracking() on new { a.Id, V = a.LatestVersion } equals new { Id = v.ApplicationId, V = v.Version }
                                  group new { v.Complete, v.Eligible, a.Status } by a.DemandId into g
                                  select new
                                  {
                                      DemandId = g.Key,
                                      Applications = g.Count(),
                                      Eligible = g.Sum(x => x.Complete && x.Eligible ? 1 : 0),
                                      Selected = g.Sum(x => x.Status == ApplicationDecisions.Selected ? 1 : 0),
                                  }).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.RoundId == roundId)
            .GroupBy(a => a.DemandId).Select(g => new { DemandId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DemandId, x => x.Count, StringComparer.Ordinal, ct);
        // Every agreement is drafted for an application, so its demand is among the grouped ones.
        return [.. applications.Select(a => new DemandCounts(a.DemandId, a.Applications, a.Eligible, a.Selected, agreements.GetValueOrDefault(a.DemandId)))];
    }

    public async Task<IReadOnlyList<ConsortiumFacts>> ConsortiaAsync(string roundId, CancellationToken ct)
    {
        var rows = await db.Consortia.AsNoTracking().Where(c => c.RoundId == roundId)
            .Select(c => new { c.DemandId, c.SupportAmount, c.JointInvestment, c.MilestonesJson }).ToListAsync(ct);
        return [.. rows.Select(r => new ConsortiumFacts(r.DemandId, r.SupportAmount, r.JointInvestment,
            JsonSerializer.Deserialize<List<ConsortiumMilestone>>(r.MilestonesJson, StorageJson.Options)!))];
    }
}
