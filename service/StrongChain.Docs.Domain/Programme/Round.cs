namespace StrongChain.Docs.Domain.Programme;

/// <summary>A call round (发榜批次) with its window and the settings the rules read.</summary>
public sealed record Round(
    string Id,
    string Name,
    DateOnly? PublishedOn,
    DateTimeOffset Opens,
    DateTimeOffset Closes,
    string TimeZone,
    IReadOnlyList<string> Sectors,
    int MaxCoApplicants,
    int MaxProjectMonths,
    decimal SupportRatio)
{
    /// <summary>
    /// Whether an instant falls inside the application window (both ends inclusive), to the whole second: a window that
    /// closes at 23:59:59 takes the whole of that second.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        var second = instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond));
        return second >= Opens && second <= Closes;
    }

    /// <summary>The round's local calendar date of an instant (the window is stated in the round's zone).</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
