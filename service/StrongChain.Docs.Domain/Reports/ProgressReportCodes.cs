namespace StrongChain.Docs.Domain.Reports;

/// <summary>The finding codes of a progress report (docs/consortia.md), listed once.</summary>
public static class ProgressReportCodes
{
    public const string Required = "required";
    public const string Format = "format";
    public const string MilestoneUnknown = "milestone-unknown";
    public const string SpendCategoryUnknown = "spend-category-unknown";
    public const string SpendOverItem = "spend-over-item";
    public const string SpendOverBudget = "spend-over-budget";
    public const string DateOutsideProject = "date-outside-project";
    public const string DateOrder = "date-order";
    public const string AchievedDateMissing = "achieved-date-missing";
    public const string AchievedDateUnexpected = "achieved-date-unexpected";
    public const string MilestoneLate = "milestone-late";
    public const string RecoveredByLabel = "recovered-by-label";
    public const string NotRecovered = "not-recovered";
}
