using System.Globalization;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.Dashboard;

/// <summary>A published demand (review status 通过) as the dashboard lists it, in the round's order.</summary>
public sealed record PublishedDemand(string Id, string Title, string Sector);

/// <summary>What the store counted for one demand (any review status; the composer keeps the published ones).</summary>
public sealed record DemandCounts(string DemandId, int Applications, int Eligible, int Selected, int AgreementsDrafted);

/// <summary>A formed consortium as the dashboard needs it.</summary>
/// <param name="Achieved">Date achieved per milestone number, from each milestone's latest progress report that says achieved.</param>
public sealed record ConsortiumFacts(string DemandId, decimal SupportAmount, decimal JointInvestment, IReadOnlyList<ConsortiumMilestone> Milestones,
    IReadOnlyDictionary<int, DateOnly>? Achieved = null);

/// <summary>
/// Stage "dashboard": the round, its published demands, the counts per demand and the consortia → the figures, per demand, per sector and
/// in total. Plain C#: the same inputs and instant always give the same figures.
/// </summary>
public static class DashboardComposer
{
    public const string SupportBudgetExceeded = "support-budget-exceeded";

    public static RoundDashboard Compose(
        Round round,
        IReadOnlyList<PublishedDemand> published,
        IReadOnlyList<DemandCounts> counts,
        IReadOnlyList<ConsortiumFacts> consortia,
        RoundTargets targets,
        string? sector,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(consortia);
        ArgumentNullException.ThrowIfNull(targets);
        var byId = counts.ToDictionary(c => c.DemandId, StringComparer.Ordinal);
        var formed = consortia.ToLookup(c => c.DemandId, StringComparer.Ordinal);
        var rows = new List<(DemandFigures Row, decimal Joint, MilestoneFigures Milestones)>();
        foreach (var d in published.Where(d => sector is null || d.Sector == sector))
        {
            var c = byId.GetValueOrDefault(d.Id) ?? new DemandCounts(d.Id, 0, 0, 0, 0);
            var signed = formed[d.Id].ToList();
            var milestones = signed.SelectMany(s => s.Milestones.Select(m => (Milestone: m, Achieved: AchievedOn(s, m))))
                .Aggregate(MilestoneFigures.None, (sum, m) => sum.Plus(Count(m.Milestone, m.Achieved, round, asOf)));
            rows.Add((new DemandFigures(d.Id, d.Title, d.Sector, c.Applications, c.Eligible, c.Selected, c.AgreementsDrafted, signed.Count,
                signed.Sum(s => s.SupportAmount)), signed.Sum(s => s.JointInvestment), milestones));
        }

        var totals = Sum(rows);
        var sectors = round.Sectors.Concat(published.Select(d => d.Sector)).Distinct(StringComparer.Ordinal).ToList();
        var bySector = sectors.Where(s => sector is null || s == sector)
            .Select(s => new SectorFigures(s, Sum([.. rows.Where(r => r.Row.Sector == s)]))).ToList();
        var warnings = new List<DashboardWarning>();
        // The budget is the round's: the warning compares every sector's commitments, whatever the filter shows.
        var publishedIds = published.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var roundCommitted = consortia.Where(c => publishedIds.Contains(c.DemandId)).Sum(c => c.SupportAmount);
        if (targets.SupportBudget is { } budget && roundCommitted > budget)
        {
            var over = Amount(roundCommitted - budget);
            warnings.Add(new DashboardWarning(SupportBudgetExceeded,
                $"已承诺支持资金 {Amount(roundCommitted)} 万元，超出本批次预算 {Amount(budget)} 万元（超出 {over} 万元）。",
                $"Support committed, {Amount(roundCommitted)} 万元, exceeds the round's budget of {Amount(budget)} 万元 by {over} 万元."));
        }

        return new RoundDashboard(round.Id, round.Name, sector, asOf, round.LocalDate(asOf), round.TimeZone, targets.ConsortiumTarget, targets.SupportBudget,
            totals, sectors, bySector, [.. rows.Select(r => r.Row)], warnings);
    }

    private static MilestoneFigures Count(ConsortiumMilestone milestone, DateOnly? achieved, Round round, DateTimeOffset asOf) =>
        milestone.Due is not { } due
            ? MilestoneFigures.None
            : MilestoneSchedule.StateByReport(due, achieved, asOf, round.TimeZone) switch
            {
                MilestoneState.Overdue => new(0, 1, 0, 0),
                MilestoneState.OnTime => new(0, 0, 1, 0),
                MilestoneState.Late => new(0, 0, 0, 1),
                _ => new(1, 0, 0, 0),
            };

    private static DateOnly? AchievedOn(ConsortiumFacts consortium, ConsortiumMilestone milestone) =>
        consortium.Achieved is { } achieved && achieved.TryGetValue(milestone.Number, out var date) ? date : null;

    private static DashboardFigures Sum(IReadOnlyList<(DemandFigures Row, decimal Joint, MilestoneFigures Milestones)> rows) => new(
        rows.Count,
        rows.Sum(r => r.Row.Applications),
        rows.Sum(r => r.Row.Eligible),
        rows.Sum(r => r.Row.Selected),
        rows.Sum(r => r.Row.AgreementsDrafted),
        rows.Sum(r => r.Row.AgreementsSigned),
        rows.Sum(r => r.Row.AgreementsSigned),
        rows.Sum(r => r.Row.FundingCommitted),
        rows.Sum(r => r.Joint),
        rows.Aggregate(MilestoneFigures.None, (sum, r) => sum.Plus(r.Milestones)));

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
