using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class CreditCodeRulesTests
{
    private const string Lead = "applicant.creditCode";
    private const string Co = "coApplicants[0].creditCode";

    [Fact]
    public void Full_width_lower_case_code_is_accepted_and_stored_normalised()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Lead, "９１１１０１０８ｍａ０１ｘｙ３ｋ５ａ"));

        FindingAssert.None(check);
        Assert.Equal(FilledFormBuilder.LeadCode, check.Record.Applicant.CreditCode);
    }

    [Theory]
    [InlineData("91110108MA01XY3K5")]
    [InlineData("91110108MO01XY3K5A")]
    [InlineData("统一社会信用代码")]
    public void Code_of_wrong_length_or_characters_is_a_format_error(string code)
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(Lead, code)), FindingCodes.Format, Lead);

        Assert.Equal(Lead, finding.Tag);
    }

    [Fact]
    public void Wrong_check_character_is_a_checksum_error_but_not_ineligibility()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Lead, "91110108MA01XY3K5B"));

        FindingAssert.Single(check, FindingCodes.CreditCodeChecksum, Lead);
        Assert.False(check.Complete);
        Assert.True(check.Eligible);
    }

    [Fact]
    public void Individual_business_code_is_not_a_legal_person()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Lead, FilledFormBuilder.WithCheck("92110108MA00ABC12")));

        FindingAssert.Single(check, FindingCodes.NotLegalPerson, Lead);
        Assert.False(check.Eligible);
    }

    [Fact]
    public void Farmers_cooperative_code_is_a_legal_person()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text(Lead, FilledFormBuilder.WithCheck("93110108MA00ABC12"))));
    }

    [Theory]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("82")]
    public void Code_registered_in_Taiwan_Hong_Kong_or_Macao_is_not_mainland(string province)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Lead, FilledFormBuilder.WithCheck($"91{province}0000MA0012345")));

        var finding = FindingAssert.Single(check, FindingCodes.RegionNotMainland, Lead);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.False(check.Eligible);
    }

    [Theory]
    [InlineData("香港特别行政区")]
    [InlineData("澳门特别行政区")]
    [InlineData("台湾地区")]
    [InlineData("境外")]
    public void Declared_region_outside_the_mainland_is_not_eligible(string region)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text("applicant.region", region));

        FindingAssert.Single(check, FindingCodes.RegionNotMainland, "applicant.region");
        Assert.False(check.Eligible);
    }

    [Fact]
    public void Division_in_another_province_than_the_region_is_a_warning()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Lead, FilledFormBuilder.WithCheck("91310115MA1K3YJ22")));

        var finding = FindingAssert.Single(check, FindingCodes.RegionMismatch, "applicant.region");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(check.Complete);
    }

    [Fact]
    public void Division_matching_the_region_is_fine()
    {
        var form = FilledFormBuilder.Valid().Text(Lead, FilledFormBuilder.WithCheck("91310115MA1K3YJ22")).Text("applicant.region", "上海市");

        FindingAssert.None(TestData.Check(form));
    }

    [Fact]
    public void National_level_division_matches_any_region()
    {
        // 清华大学 is registered at national level (100000) and sits in Beijing; in Shanghai it would be just as fine.
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("coApplicants[0].region", "上海市")));
    }

    [Fact]
    public void Co_applicant_codes_get_the_same_checks()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(Co, "12100000400000624E")), FindingCodes.CreditCodeChecksum, Co);
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(Co, FilledFormBuilder.WithCheck("92110108MA00ABC12"))), FindingCodes.NotLegalPerson, Co);
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(Co, FilledFormBuilder.WithCheck("91810000MA0012345"))), FindingCodes.RegionNotMainland, Co);
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("coApplicants[0].region", "境外")), FindingCodes.RegionNotMainland, "coApplicants[0].region");
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(Co, "1210000040000062")), FindingCodes.Format, Co);
    }

    [Fact]
    public void Co_applicant_sharing_the_lead_code_is_a_duplicate_party()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text(Co, FilledFormBuilder.LeadCode.ToLowerInvariant()));

        var finding = FindingAssert.Single(check, FindingCodes.DuplicateParty, Co);
        Assert.Equal("coApplicant.creditCode", finding.Tag);
    }

    [Fact]
    public void Two_co_applicants_sharing_a_code_flag_the_later_one()
    {
        var form = FilledFormBuilder.Valid().AddItem("coApplicants", ("name", "清华大学深圳国际研究生院"), ("creditCode", FilledFormBuilder.CoCode),
            ("orgType", "高等院校"), ("region", "广东省"), ("task", "测试"), ("contactName", "周宁"), ("contactPhone", "0755-26036000"));

        var finding = FindingAssert.Single(TestData.Check(form), FindingCodes.DuplicateParty, "coApplicants[1].creditCode");
        Assert.Equal(1, finding.Ordinal);
    }
}
