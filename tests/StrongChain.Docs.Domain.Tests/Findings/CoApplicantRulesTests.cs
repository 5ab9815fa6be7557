using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class CoApplicantRulesTests
{
    private static FilledFormBuilder WithCoApplicants(int count)
    {
        var builder = FilledFormBuilder.Valid().ClearItems("coApplicants");
        for (var i = 0; i < count; i++)
        {
            builder.AddItem("coApplicants", ("name", $"合作单位{i}"), ("creditCode", FilledFormBuilder.WithCheck($"9111010800000000{i}")),
                ("orgType", "企业"), ("region", "北京市"), ("task", "部件研制"), ("contactName", "联系人"), ("contactPhone", "13900000000"));
        }

        return builder;
    }

    [Theory]
    [InlineData("creditCode")]
    [InlineData("orgType")]
    [InlineData("region")]
    [InlineData("task")]
    [InlineData("contactName")]
    [InlineData("contactPhone")]
    public void Each_item_needs_its_required_fields(string name)
    {
        var path = $"coApplicants[0].{name}";

        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder(path)), FindingCodes.Required, path);

        Assert.Equal($"coApplicant.{name}", finding.Tag);
    }

    [Fact]
    public void Empty_co_applicant_name_is_required()
    {
        var form = FilledFormBuilder.Valid().Placeholder("coApplicants[0].name").Text("team[1].organization", FilledFormBuilder.LeadName);

        FindingAssert.Single(TestData.Check(form), FindingCodes.Required, "coApplicants[0].name");
    }

    [Fact]
    public void Co_applicant_phone_is_checked_like_the_lead()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("coApplicants[0].contactPhone", "6278-1234")), FindingCodes.Format, "coApplicants[0].contactPhone");
    }

    [Fact]
    public void No_co_applicants_at_all_is_fine()
    {
        FindingAssert.None(TestData.Check(WithCoApplicants(0).Text("team[1].organization", FilledFormBuilder.LeadName)));
    }

    [Fact]
    public void Four_co_applicants_are_allowed()
    {
        FindingAssert.None(TestData.Check(WithCoApplicants(4).Text("team[1].organization", "合作单位3")));
    }

    [Fact]
    public void Five_co_applicants_are_too_many_with_a_maximum_of_four()
    {
        var check = TestData.Check(WithCoApplicants(5).Text("team[1].organization", "合作单位3"));

        var finding = FindingAssert.Single(check, FindingCodes.TooManyCoApplicants, "coApplicants");
        Assert.Equal(("coApplicants", 0), (finding.Tag, finding.Ordinal));
        Assert.Contains("4", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_is_a_round_setting()
    {
        var round = TestData.Round with { MaxCoApplicants = 5 };

        FindingAssert.None(TestData.Check(WithCoApplicants(5).Text("team[1].organization", "合作单位3"), round: round));
    }

    [Fact]
    public void Empty_left_behind_co_applicant_is_ignored()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().AddEmptyItem("coApplicants"));

        FindingAssert.None(check);
        Assert.Single(check.Record.CoApplicants);
    }

    [Fact]
    public void Left_behind_items_do_not_count_toward_the_maximum()
    {
        var form = WithCoApplicants(4).Text("team[1].organization", "合作单位3").AddEmptyItem("coApplicants").AddEmptyItem("coApplicants");

        FindingAssert.None(TestData.Check(form));
    }

    [Fact]
    public void Findings_after_a_dropped_item_keep_the_document_index_and_ordinal()
    {
        var form = FilledFormBuilder.Valid().ClearItems("coApplicants").AddEmptyItem("coApplicants")
            .AddItem("coApplicants", ("name", FilledFormBuilder.CoName), ("creditCode", FilledFormBuilder.CoCode), ("orgType", "高等院校"),
                ("region", "北京市"), ("contactName", "王强"), ("contactPhone", "010-62781234"));

        var finding = FindingAssert.Single(TestData.Check(form), FindingCodes.Required, "coApplicants[1].task");

        Assert.Equal(1, finding.Ordinal);
    }
}
