namespace StrongChain.Docs.Domain.Consortia;

/// <summary>Where a milestone stands: reported (on time or late), not yet due, or overdue.</summary>
public enum MilestoneState
{
    Pending,
    Overdue,
    OnTime,
    Late,
}

/// <summary>
/// Overdue milestones in the round's time zone: a milestone due on a date is overdue from the first instant of the next
/// calendar day in that zone, so a Beijing project is judged by Beijing's calendar wherever the server or the staff are.
/// </summary>
public static class MilestoneSchedule
{
    /// <param name="due">The milestone's due date (a calendar date in the round's zone).</param>
    /// <param name="reportedAt">When its first progress report was received, if it was.</param>
    /// <param name="now">The instant of the question.</param>
    /// <param name="timeZone">The round's IANA zone (Asia/Shanghai for the first batch).</param>
    public static MilestoneState State(DateOnly due, DateTimeOffset? reportedAt, DateTimeOffset now, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        if (reportedAt is { } reported)
        {
            return LocalDate(reported, zone) <= due ? MilestoneState.OnTime : MilestoneState.Late;
        }

        return LocalDate(now, zone) > due ? MilestoneState.Overdue : MilestoneState.Pending;
    }

    /// <summary>
    /// A milestone by its progress reports (issue 12): achieved on or before the due date (a calendar date of the round's zone,
    /// as the report states it) is on time, achieved after it late; not achieved and past due overdue, else not yet due.
    /// </summary>
    /// <param name="achievedOn">The date achieved of the milestone's latest report, when that report says achieved.</param>
    public static MilestoneState StateByReport(DateOnly due, DateOnly? achievedOn, DateTimeOffset now, string timeZone)
    {
        if (achievedOn is { } achieved)
        {
            return achieved <= due ? MilestoneState.OnTime : MilestoneState.Late;
        }

        return State(due, null, now, timeZone);
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
