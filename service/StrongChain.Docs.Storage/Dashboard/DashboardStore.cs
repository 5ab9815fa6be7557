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

    /// <summary>The round's consortia: demand, support, joint investment, milestones and the milestones' dates achieved.</summary>
    Task<IReadOnlyList<ConsortiumFacts>> ConsortiaAsync(string roundId, CancellationToken ct);
}

public sealed class DashboardStore(DocsDbContext db) : IDashboardStore
{
    public async Task<IReadOnlyList<PublishedDemand>> PublishedDemandsAsync(string roundId, CancellationToken ct) =>
        await db.Demands.AsNoTracking().Where(d => d.RoundId == roundId && d.ReviewStatus == Demand.Approved).OrderBy(d => d.Position)
            .Select(d => new PublishedDemand(d.Id, d.Title, d.Sector)).ToListAsync(ct);

    public async Task<IReadOnlyList<DemandCounts>> CountsAsync(string roundId, CancellationToken ct)
    {
        // One grouped query over the latest versions. On SQLite the covering index is named: the planner would otherwise take the
        // primary key and read each row, walking past the stored form's bytes to reach Complete and Eligible.
        var hint = db.Database.IsSqlite() ? " INDEXED BY \"IX_ApplicationVersions_Dashboard\"" : "";
        var sql = $$"""
            SELECT a."DemandId" AS "DemandId", COUNT(*) AS "Applications",
                   SUM(CASE WHEN v."Complete" AND v."Eligible" THEN 1 ELSE 0 END) AS "Eligible",
                   SUM(CASE WHEN a."Status" = {1} THEN 1 ELSE 0 END) AS "Selected"
            FROM "Applications" AS a
            INNER JOIN "ApplicationVersions" AS v{{hint}} ON v."ApplicationId" = a."Id" AND v."Version" = a."LatestVersion"
            WHERE a."RoundId" = {0}
            GROUP BY a."DemandId"
            """;
        var applications = await db.Database.SqlQueryRaw<GroupRow>(sql, roundId, ApplicationDecisions.Selected).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.RoundId == roundId)
            .GroupBy(a => a.DemandId).Select(g => new { DemandId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DemandId, x => x.Count, StringComparer.Ordinal, ct);
        // Every agreement is drafted for an application, so its demand is among the grouped ones.
        return [.. applications.Select(a => new DemandCounts(a.DemandId, (int)a.Applications, (int)a.Eligible, (int)a.Selected, agreements.GetValueOrDefault(a.DemandId)))];
    }

    public async Task<IReadOnlyList<ConsortiumFacts>> ConsortiaAsync(string roundId, CancellationToken ct)
    {
        var rows = await db.Consortia.AsNoTracking().Where(c => c.RoundId == roundId)
            .Select(c => new { c.Id, c.DemandId, c.SupportAmount, c.JointInvestment, c.MilestonesJson }).ToListAsync(ct);
        // The latest report of each milestone that says achieved, read from the small report rows (their index covers the query).
        var achieved = (await db.ProgressReports.AsNoTracking().Where(r => r.RoundId == roundId && r.AchievedOn != null)
                .Select(r => new { r.ConsortiumId, r.MilestoneNumber, r.AchievedOn }).ToListAsync(ct))
            .ToLookup(r => r.ConsortiumId, StringComparer.Ordinal);
        return [.. rows.Select(r => new ConsortiumFacts(r.DemandId, r.SupportAmount, r.JointInvestment,
            JsonSerializer.Deserialize<List<ConsortiumMilestone>>(r.MilestonesJson, StorageJson.Options)!,
            achieved[r.Id].ToDictionary(a => a.MilestoneNumber, a => a.AchievedOn!.Value)))];
    }

    /// <summary>One row of the grouped count (COUNT and SUM are 64-bit on PostgreSQL).</summary>
    private sealed class GroupRow
    {
        public required string DemandId { get; init; }
        public long Applications { get; init; }
        public long Eligible { get; init; }
        public long Selected { get; init; }
    }
}
