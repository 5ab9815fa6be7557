using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class FormLevelRulesTests
{
    [Fact]
    public void Complete_valid_form_has_no_findings_and_is_eligible()
    {
        var check = TestData.Check(FilledFormBuilder.Valid());

        FindingAssert.None(check);
        Assert.True(check.Complete);
        Assert.True(check.Eligible);
    }

    [Fact]
    public void Form_without_markers_is_an_unknown_template_and_nothing_else()
    {
        var form = FilledFormBuilder.Valid().Markers(new FormMarkers(null, null, null, false, false)).Text("applicant.name", "");

        var finding = FindingAssert.Single(TestData.Check(form), FindingCodes.UnknownTemplate, ApplicationRules.FormLevel);
        Assert.Null(finding.Ordinal);
    }

    [Fact]
    public void Form_of_another_template_version_is_an_unknown_template()
    {
        var form = FilledFormBuilder.Valid().Markers(new FormMarkers("9.9", "2020-01", "QL2020-BM-02", true, false));

        FindingAssert.Single(TestData.Check(form), FindingCodes.UnknownTemplate, ApplicationRules.FormLevel);
    }

    [Fact]
    public void Markers_only_in_document_properties_still_identify_the_form()
    {
        var form = FilledFormBuilder.Valid().Markers(new FormMarkers("1.0", "2020-01", "QL2020-BM-02", false, true));

        FindingAssert.None(TestData.Check(form));
    }

    [Fact]
    public void Form_for_another_demand_is_a_demand_mismatch()
    {
        var form = FilledFormBuilder.Valid().Markers(new FormMarkers("1.0", "2020-01", "QL2020-IT-01", true, true));

        var finding = FindingAssert.Single(TestData.Check(form), FindingCodes.DemandMismatch, ApplicationRules.FormLevel);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("QL2020-IT-01", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demand.id", "QL2020-BM-03")]
    [InlineData("demand.title", "多自由度医用机械臂")]
    [InlineData("demand.issuer", "某某公司")]
    [InlineData("demand.sector", "新一代信息技术")]
    [InlineData("round.id", "2021-01")]
    public void Edited_locked_field_is_reported(string tag, string text)
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text(tag, text)), FindingCodes.LockedFieldChanged, tag);

        Assert.Equal(0, finding.Ordinal);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Locked_field_with_surrounding_spaces_is_unchanged()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("demand.title", " 多自由度力控医用机械臂 ")));
    }

    [Fact]
    public void Removed_locked_field_is_reported_without_an_ordinal()
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Remove("demand.issuer")), FindingCodes.LockedFieldChanged, "demand.issuer");

        Assert.Null(finding.Ordinal);
    }

    [Theory]
    [InlineData("2020-12-28T23:59:59+08:00")]
    [InlineData("2021-02-11T00:00:00+08:00")]
    public void Outside_the_window_the_form_can_be_checked_but_is_flagged(string now)
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)), FindingCodes.WindowClosed, "round.id");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(0, finding.Ordinal);
    }

    [Theory]
    [InlineData("2020-12-29T00:00:00+08:00")]
    [InlineData("2021-02-10T23:59:59+08:00")]
    [InlineData("2021-02-10T23:59:59.999+08:00")]
    [InlineData("2021-02-10T15:59:59Z")]
    public void The_window_includes_both_ends(string now) =>
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Findings_come_in_document_order_with_paths_tags_and_ordinals()
    {
        var form = FilledFormBuilder.Valid()
            .Placeholder("sign.legalRepresentative")
            .Placeholder("coApplicants[0].task")
            .Placeholder("applicant.address")
            .Tick("decl.truthful", false);

        var findings = TestData.Check(form).Findings;

        Assert.Equal(["applicant.address", "coApplicants[0].task", "decl.truthful", "sign.legalRepresentative"], findings.Select(f => f.Field));
        Assert.Equal("coApplicant.task", findings[1].Tag);
        Assert.All(findings, f => Assert.Equal(0, f.Ordinal));
    }

    [Fact]
    public void Messages_are_one_chinese_sentence_naming_the_label_with_an_english_twin()
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder("applicant.creditCode")), FindingCodes.Required, "applicant.creditCode");

        Assert.Equal("请填写“统一社会信用代码”。", finding.Message);
        Assert.Equal("Please fill in “Unified social credit code”.", finding.MessageEn);
    }

    [Fact]
    public void Every_code_has_a_message_template()
    {
        var codes = typeof(FindingCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(codes, code => Assert.True(
            FindingMessages.Has(code) || code is FindingCodes.DateOrder,
            code));
    }
}
