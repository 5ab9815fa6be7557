using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class LeadApplicantRulesTests
{
    [Theory]
    [InlineData("applicant.creditCode")]
    [InlineData("applicant.orgType")]
    [InlineData("applicant.region")]
    [InlineData("applicant.legalRepresentative")]
    [InlineData("applicant.established")]
    [InlineData("applicant.address")]
    [InlineData("applicant.contactName")]
    [InlineData("applicant.contactPhone")]
    [InlineData("applicant.contactEmail")]
    [InlineData("applicant.staffCount")]
    [InlineData("applicant.rdStaffCount")]
    [InlineData("applicant.lastYearRevenue")]
    [InlineData("applicant.lastYearRdSpend")]
    public void Empty_required_field_is_reported(string path)
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder(path)), FindingCodes.Required, path);

        Assert.Equal(0, finding.Ordinal);
    }

    [Fact]
    public void Missing_control_is_required_without_an_ordinal()
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Remove("applicant.address")), FindingCodes.Required, "applicant.address");

        Assert.Null(finding.Ordinal);
    }

    [Theory]
    [InlineData("高等院校")]
    [InlineData("社会组织")]
    public void Revenue_is_optional_for_other_than_enterprises(string orgType)
    {
        var form = FilledFormBuilder.Valid().Text("applicant.orgType", orgType).Placeholder("applicant.lastYearRevenue")
            .Text("applicant.transformationRecord", new string('转', 50));

        FindingAssert.None(TestData.Check(form));
    }

    [Theory]
    [InlineData("京")]
    [InlineData("")]
    public void Name_shorter_than_two_characters_is_reported(string extra)
    {
        var path = "applicant.name";
        var form = FilledFormBuilder.Valid().Text(path, "京" + extra);

        if (extra.Length == 0)
        {
            FindingAssert.Single(TestData.Check(form), FindingCodes.OutOfRange, path);
        }
        else
        {
            Assert.DoesNotContain(TestData.Check(form).Findings, f => f.Field == path);
        }
    }

    [Fact]
    public void Name_of_100_characters_is_fine_and_101_is_not()
    {
        // The team then names none of the parties, so point members at the co-applicant.
        FilledFormBuilder Form(int length) => FilledFormBuilder.Valid().Text("applicant.name", new string('名', length))
            .Text("team[0].organization", FilledFormBuilder.CoName);

        FindingAssert.None(TestData.Check(Form(100)));
        FindingAssert.Single(TestData.Check(Form(101)), FindingCodes.OutOfRange, "applicant.name");
    }

    [Theory]
    [InlineData(true, "高等院校")]
    [InlineData(true, "科研院所")]
    [InlineData(true, "新型研发机构")]
    [InlineData(false, "企业")]
    [InlineData(false, "社会组织")]
    public void Research_organisations_need_a_transformation_record(bool needed, string orgType)
    {
        var form = FilledFormBuilder.Valid().Text("applicant.orgType", orgType);

        var check = TestData.Check(form);

        if (needed)
        {
            FindingAssert.Single(check, FindingCodes.TransformationRecordMissing, "applicant.transformationRecord");
            Assert.False(check.Eligible);
        }
        else
        {
            FindingAssert.None(check);
        }
    }

    [Fact]
    public void Transformation_record_of_50_characters_is_enough_and_49_is_not()
    {
        FilledFormBuilder Form(int length) => FilledFormBuilder.Valid().Text("applicant.orgType", "科研院所")
            .Text("applicant.transformationRecord", new string('转', length) + "\n  ");

        FindingAssert.None(TestData.Check(Form(50)));
        FindingAssert.Single(TestData.Check(Form(49)), FindingCodes.TransformationRecordMissing, "applicant.transformationRecord");
    }

    [Fact]
    public void Established_today_is_fine_and_tomorrow_is_in_the_future()
    {
        // 2021-01-15 10:00 in Beijing is still 2021-01-15 there even late in the UTC day before.
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("applicant.established", "2021-01-15")));
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("applicant.established", "2021-01-16")), FindingCodes.DateInFuture, "applicant.established");
    }

    [Fact]
    public void Today_is_the_round_local_date()
    {
        var lateUtc = new DateTimeOffset(2021, 1, 15, 17, 0, 0, TimeSpan.Zero); // already 2021-01-16 in Beijing

        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("applicant.established", "2021-01-16"), lateUtc));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("138 0013 8000", true)]
    [InlineData("１３８００１３８０００", true)]
    [InlineData("010-62781234", true)]
    [InlineData("01062781234", true)]
    [InlineData("0755-8888888", true)]
    [InlineData("010-62781234-8021", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("62781234", false)]
    [InlineData("010-627812", false)]
    public void Contact_phone_must_be_a_mainland_mobile_or_landline(string phone, bool ok)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text("applicant.contactPhone", phone));

        if (ok)
        {
            FindingAssert.None(check);
        }
        else
        {
            FindingAssert.Single(check, FindingCodes.Format, "applicant.contactPhone");
        }
    }

    [Theory]
    [InlineData("lihua@example.com", true)]
    [InlineData("li.hua@mail.tsinghua.edu.cn", true)]
    [InlineData("lihua＠example．com", true)]
    [InlineData("lihua@example", false)]
    [InlineData("lihua.example.com", false)]
    [InlineData("li hua@example.com", false)]
    public void Contact_email_must_be_an_address(string email, bool ok)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text("applicant.contactEmail", email));

        if (ok)
        {
            FindingAssert.None(check);
        }
        else
        {
            FindingAssert.Single(check, FindingCodes.Format, "applicant.contactEmail");
        }
    }

    [Theory]
    [InlineData("applicant.staffCount", "0")]
    [InlineData("applicant.rdStaffCount", "-1")]
    [InlineData("applicant.lastYearRevenue", "-0.01")]
    [InlineData("applicant.lastYearRdSpend", "-5")]
    public void Numbers_below_their_minimum_are_out_of_range(string path, string text)
    {
        var form = FilledFormBuilder.Valid().Text("applicant.rdStaffCount", "0").Text(path, text);

        FindingAssert.Single(TestData.Check(form), FindingCodes.OutOfRange, path);
    }

    [Fact]
    public void Empty_name_is_required()
    {
        // Without the lead's name a member of the lead names no party: point members at the co-applicant.
        var form = FilledFormBuilder.Valid().Placeholder("applicant.name").Text("team[0].organization", FilledFormBuilder.CoName);

        FindingAssert.Single(TestData.Check(form), FindingCodes.Required, "applicant.name");
    }

    [Fact]
    public void Empty_name_leaves_the_lead_member_without_a_party()
    {
        var findings = TestData.Check(FilledFormBuilder.Valid().Placeholder("applicant.name")).Findings;

        Assert.Equal([FindingCodes.Required, FindingCodes.MemberOrganizationUnknown], findings.Select(f => f.Code));
    }

    [Fact]
    public void Zero_revenue_and_rd_spend_are_allowed()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("applicant.lastYearRevenue", "0").Text("applicant.lastYearRdSpend", "0.00")));
    }

    [Fact]
    public void Rd_staff_may_equal_but_not_exceed_staff()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("applicant.rdStaffCount", "120")));
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("applicant.rdStaffCount", "121")), FindingCodes.OutOfRange, "applicant.rdStaffCount");
    }

    [Fact]
    public void Staff_count_that_is_not_an_integer_is_a_format_error_only()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("applicant.staffCount", "约120")), FindingCodes.Format, "applicant.staffCount");
    }

    [Fact]
    public void Region_not_in_the_list_is_a_format_error()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("applicant.region", "北京")), FindingCodes.Format, "applicant.region");
    }
}
