using StrongChain.Docs.Domain.Consortia;

namespace StrongChain.Docs.Domain.Tests.Consortia;

/// <summary>Overdue is judged by the round's calendar, not the server's or UTC's: the instants straddle the date line.</summary>
public sealed class MilestoneScheduleTests
{
    private const string Beijing = "Asia/Shanghai";
    private static readonly DateOnly Due = new(2022, 3, 31);

    [Fact]
    public void A_milestone_due_on_the_31st_is_overdue_from_midnight_Beijing_time_which_is_still_the_31st_in_UTC()
    {
        var lastMinute = new DateTimeOffset(2022, 3, 31, 15, 59, 0, TimeSpan.Zero); // 23:59 in Beijing
        var firstMinute = new DateTimeOffset(2022, 3, 31, 16, 0, 0, TimeSpan.Zero); // 00:00 on 1 April in Beijing, 31 March in UTC

        Assert.Equal(MilestoneState.Pending, MilestoneSchedule.State(Due, null, lastMinute, Beijing));
        Assert.Equal(MilestoneState.Overdue, MilestoneSchedule.State(Due, null, firstMinute, Beijing));
    }

    [Fact]
    public void The_same_instant_is_overdue_in_Beijing_but_not_yet_in_a_round_kept_west_of_the_date_line()
    {
        var instant = new DateTimeOffset(2022, 4, 1, 2, 0, 0, TimeSpan.FromHours(8)); // 1 April in Beijing, 31 March in Honolulu (UTC−10)

        Assert.Equal(MilestoneState.Overdue, MilestoneSchedule.State(Due, null, instant, Beijing));
        Assert.Equal(MilestoneState.Pending, MilestoneSchedule.State(Due, null, instant, "Pacific/Honolulu"));
        // Kiribati (UTC+14) is already on 1 April twelve hours before Beijing's midnight.
        Assert.Equal(MilestoneState.Overdue, MilestoneSchedule.State(Due, null, new DateTimeOffset(2022, 3, 31, 10, 0, 0, TimeSpan.Zero), "Pacific/Kiritimati"));
        Assert.Equal(MilestoneState.Pending, MilestoneSchedule.State(Due, null, new DateTimeOffset(2022, 3, 31, 10, 0, 0, TimeSpan.Zero), Beijing));
    }

    [Fact]
    public void A_report_received_on_the_due_date_in_Beijing_is_on_time_even_when_UTC_had_already_moved_on_or_not()
    {
        var beijingEvening = new DateTimeOffset(2022, 3, 31, 23, 30, 0, TimeSpan.FromHours(8));
        var beijingNextMorning = new DateTimeOffset(2022, 4, 1, 0, 30, 0, TimeSpan.FromHours(8)); // still 31 March in UTC

        Assert.Equal(MilestoneState.OnTime, MilestoneSchedule.State(Due, beijingEvening, beijingNextMorning.AddDays(30), Beijing));
        Assert.Equal(MilestoneState.Late, MilestoneSchedule.State(Due, beijingNextMorning, beijingNextMorning, Beijing));
    }

    [Fact]
    public void By_report_achieved_on_or_before_the_due_date_is_on_time_after_it_late_and_without_one_overdue_by_the_rounds_calendar()
    {
        var afterMidnightBeijing = new DateTimeOffset(2022, 3, 31, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(MilestoneState.OnTime, MilestoneSchedule.StateByReport(Due, Due, afterMidnightBeijing.AddDays(90), Beijing));
        Assert.Equal(MilestoneState.OnTime, MilestoneSchedule.StateByReport(Due, Due.AddDays(-60), afterMidnightBeijing.AddDays(-90), Beijing));
        Assert.Equal(MilestoneState.Late, MilestoneSchedule.StateByReport(Due, Due.AddDays(1), afterMidnightBeijing, Beijing));
        Assert.Equal(MilestoneState.Overdue, MilestoneSchedule.StateByReport(Due, null, afterMidnightBeijing, Beijing));
        Assert.Equal(MilestoneState.Pending, MilestoneSchedule.StateByReport(Due, null, afterMidnightBeijing, "Pacific/Honolulu"));
    }
}
