namespace StrongChain.Docs.Domain.Reports;

/// <summary>How far the milestone got, as the lead unit reports it (已完成 / 部分完成 / 未完成).</summary>
public enum MilestoneStatus
{
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

/// <summary>
/// Stage "progress report": a filled progress report form read back, typed. Values that are empty or do not parse are
/// null (a finding says why). Amounts in 万元.
/// </summary>
/// <param name="ConsortiumId">The consortium the form was made for (a locked fact).</param>
/// <param name="MilestoneNumber">The milestone the form was made for (a locked fact).</param>
/// <param name="Spend">The filled rows of the spend table, in form order (rows left on their placeholders are dropped).</param>
public sealed record ProgressReportRecord(
    string? ConsortiumId,
    int? MilestoneNumber,
    string? TemplateVersion,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    MilestoneStatus? Status,
    DateOnly? AchievedOn,
    string? WorkDone,
    string? Problems,
    string? NextSteps,
    IReadOnlyList<ReportSpendItem> Spend,
    ReportContact Contact,
    DateOnly? ReportDate)
{
    /// <summary>The total of the spend rows that hold an amount.</summary>
    public decimal SpendTotal => Spend.Sum(s => s.Amount ?? 0m);
}

/// <summary>One row of the spend table: the agreement's budget item and what was spent on it this period.</summary>
public sealed record ReportSpendItem(string? Category, decimal? Amount, string? Note);

public sealed record ReportContact(string? Name, string? Phone, string? Email);
