namespace StrongChain.Docs.Domain.Dashboard;

/// <summary>
/// The task force's (工作专班) figures for one round, optionally one sector, at one instant. Amounts in 万元.
/// </summary>
/// <param name="LocalDate">The round's calendar date at <paramref name="AsOf"/>: milestones are judged by it.</param>
/// <param name="Sectors">Every sector of the round (the filter's choices), whatever <paramref name="Sector"/> is.</param>
public sealed record RoundDashboard(
    string RoundId,
    string RoundName,
    string? Sector,
    DateTimeOffset AsOf,
    DateOnly LocalDate,
    string TimeZone,
    int ConsortiumTarget,
    decimal? SupportBudget,
    DashboardFigures Totals,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<SectorFigures> BySector,
    IReadOnlyList<DemandFigures> ByDemand,
    IReadOnlyList<DashboardWarning> Warnings);

/// <summary>
/// The counts: demands published (review status 通过), applications (one per organisation and demand), eligible (latest version
/// complete and eligible), selected (review decision), agreements drafted, agreements signed by every party (= consortia formed),
/// support committed, and the consortia's milestones by state.
/// </summary>
public sealed record DashboardFigures(
    int DemandsPublished,
    int Applications,
    int Eligible,
    int Selected,
    int AgreementsDrafted,
    int AgreementsSigned,
    int Consortia,
    decimal FundingCommitted,
    decimal JointInvestment,
    MilestoneFigures Milestones);

/// <summary>
/// Milestones of the formed consortia by their progress reports: not yet due; overdue (due date passed in the round's zone, no report
/// saying achieved); on time (achieved on or before the due date); late (achieved after it). Behind schedule = late + overdue.
/// </summary>
public sealed record MilestoneFigures(int Pending, int Overdue, int OnTime, int Late)
{
    public static MilestoneFigures None { get; } = new(0, 0, 0, 0);

    public MilestoneFigures Plus(MilestoneFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Pending + other.Pending, Overdue + other.Overdue, OnTime + other.OnTime, Late + other.Late);
    }
}

public sealed record SectorFigures(string Sector, DashboardFigures Figures);

/// <summary>One published demand's row: applications per demand and how far they went.</summary>
public sealed record DemandFigures(
    string DemandId,
    string Title,
    string Sector,
    int Applications,
    int Eligible,
    int Selected,
    int AgreementsDrafted,
    int AgreementsSigned,
    decimal FundingCommitted);

/// <summary>Something the task force must look at, e.g. <c>support-budget-exceeded</c>.</summary>
public sealed record DashboardWarning(string Code, string Message, string MessageEn);
