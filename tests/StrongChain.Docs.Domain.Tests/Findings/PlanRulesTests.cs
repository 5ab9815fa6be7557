using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class PlanRulesTests
{
    [Theory]
    [InlineData("plan.summary")]
    [InlineData("plan.approach")]
    [InlineData("plan.foundation")]
    [InlineData("plan.leaderName")]
    [InlineData("plan.leaderTitle")]
    [InlineData("plan.leaderPhone")]
    [InlineData("project.start")]
    [InlineData("project.end")]
    [InlineData("indicators[0].name")]
    [InlineData("indicators[1].target")]
    [InlineData("milestones[0].name")]
    [InlineData("milestones[1].due")]
    [InlineData("milestones[0].deliverable")]
    [InlineData("team[0].name")]
    [InlineData("team[0].title")]
    [InlineData("team[1].organization")]
    [InlineData("team[1].role")]
    public void Empty_required_field_is_reported(string path) =>
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder(path)), FindingCodes.Required, path);

    [Fact]
    public void Summary_of_100_characters_is_enough_and_99_is_short()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("plan.summary", new string('述', 100))));
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("plan.summary", new string('述', 99))), FindingCodes.OutOfRange, "plan.summary");
    }

    [Fact]
    public void Leader_phone_is_checked_like_the_contact_phone()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("plan.leaderPhone", "010-12")), FindingCodes.Format, "plan.leaderPhone");
    }

    [Theory]
    [InlineData("2021-04-01")]
    [InlineData("2021-03-31")]
    public void End_not_after_start_is_a_date_order_error(string end) =>
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("project.end", end).Text("milestones[0].due", end).Text("milestones[1].due", end)),
            FindingCodes.DateOrder, "project.end");

    [Fact]
    public void Project_of_exactly_36_months_is_allowed_and_one_day_more_is_too_long()
    {
        // end ≤ start.AddMonths(36): 2021-04-01 → 2024-04-01 is the last allowed end date.
        FilledFormBuilder Form(string end) => FilledFormBuilder.Valid().Text("project.end", end);

        FindingAssert.None(TestData.Check(Form("2024-04-01")));
        FindingAssert.Single(TestData.Check(Form("2024-04-02")), FindingCodes.ProjectTooLong, "project.end");
    }

    [Fact]
    public void Project_months_are_a_round_setting()
    {
        var round = TestData.Round with { MaxProjectMonths = 12 };

        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid(), round: round), FindingCodes.ProjectTooLong, "project.end");
    }

    [Theory]
    [InlineData("indicators")]
    [InlineData("milestones")]
    [InlineData("team")]
    public void Section_without_items_is_required(string section)
    {
        var form = FilledFormBuilder.Valid().ClearItems(section);

        var finding = FindingAssert.Single(TestData.Check(form), FindingCodes.Required, section);
        Assert.Equal((section, 0), (finding.Tag, finding.Ordinal));
    }

    [Fact]
    public void Section_with_only_a_left_behind_item_is_required()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().ClearItems("indicators").AddEmptyItem("indicators")), FindingCodes.Required, "indicators");
    }

    [Fact]
    public void Empty_left_behind_milestone_is_ignored()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().AddEmptyItem("milestones")));
    }

    [Theory]
    [InlineData("2021-03-31")]
    [InlineData("2023-04-01")]
    public void Milestone_outside_the_project_period_is_a_date_order_error(string due)
    {
        var path = due.StartsWith("2021", StringComparison.Ordinal) ? "milestones[0].due" : "milestones[1].due";

        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(path, due)), FindingCodes.DateOrder, path);
    }

    [Fact]
    public void Milestones_on_the_project_start_and_end_are_inside()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("milestones[0].due", "2021-04-01").Text("milestones[1].due", "2023-03-31")));
    }

    [Fact]
    public void Milestone_earlier_than_the_previous_one_is_a_date_order_error()
    {
        var form = FilledFormBuilder.Valid().Text("milestones[0].due", "2022-06-30").Text("milestones[1].due", "2022-06-29");

        FindingAssert.Single(TestData.Check(form), FindingCodes.DateOrder, "milestones[1].due");
    }

    [Fact]
    public void Milestones_on_the_same_day_are_in_order()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("milestones[0].due", "2023-03-31")));
    }

    [Fact]
    public void Member_of_an_organisation_that_is_no_party_is_a_warning()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text("team[1].organization", "北京大学"));

        var finding = FindingAssert.Single(check, FindingCodes.MemberOrganizationUnknown, "team[1].organization");
        Assert.Equal((Severity.Warning, 1), (finding.Severity, finding.Ordinal));
    }

    [Theory]
    [InlineData("清华大学")]
    [InlineData("清华大学机械工程系")]
    [InlineData(" 北京智感医疗机器人 ")]
    [InlineData("北京智感医疗机器人技术有限公司")]
    public void Member_organisation_may_contain_or_be_contained_in_a_party_name(string organization) =>
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("team[1].organization", organization)));
}
