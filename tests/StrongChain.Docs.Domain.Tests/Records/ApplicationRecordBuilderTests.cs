using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Records;

public sealed class ApplicationRecordBuilderTests
{
    [Fact]
    public void Valid_form_builds_a_typed_record_without_findings()
    {
        var build = ApplicationRecordBuilder.Build(FilledFormBuilder.Valid().Build());

        Assert.Empty(build.Findings);
        var r = build.Record;
        Assert.Equal(new FormIdentity("1.0", "2020-01", "QL2020-BM-02"), r.Form);
        Assert.Equal("QL2020-BM-02", r.Demand.Id);
        Assert.Equal(FilledFormBuilder.LeadName, r.Applicant.Name);
        Assert.Equal(new DateOnly(2015, 6, 18), r.Applicant.Established);
        Assert.Equal(120, r.Applicant.StaffCount);
        Assert.Equal(3250.00m, r.Applicant.LastYearRevenue);
        Assert.Null(r.Applicant.TransformationRecord);
        Assert.Equal(FilledFormBuilder.CoCode, Assert.Single(r.CoApplicants).CreditCode);
        Assert.Equal(new Declarations(true, true, true, true), r.Declarations);
        Assert.Equal(2, r.Plan.Indicators.Count);
        Assert.Equal(new DateOnly(2022, 3, 31), r.Plan.Milestones[0].Due);
        Assert.Equal(3, r.Budget.Items.Count);
        Assert.Equal(500m, r.Budget.Total);
        Assert.True(r.Signature.SealPresent);
    }

    [Fact]
    public void Text_is_trimmed_and_keeps_internal_newlines()
    {
        var form = FilledFormBuilder.Valid().Text("plan.approach", "  第一步：建模。\n第二步：验证。 \n").Build();

        Assert.Equal("第一步：建模。\n第二步：验证。", ApplicationRecordBuilder.Build(form).Record.Plan.Approach);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u3000")]
    [InlineData("请输入通讯地址")] // the placeholder text without the placeholder flag
    public void Whitespace_or_placeholder_text_is_empty(string text)
    {
        var build = ApplicationRecordBuilder.Build(FilledFormBuilder.Valid().Text("applicant.address", text).Build());

        Assert.Null(build.Record.Applicant.Address);
        Assert.Empty(build.Findings);
    }

    [Fact]
    public void A_typed_zero_matching_the_numeric_placeholder_is_a_value()
    {
        var build = ApplicationRecordBuilder.Build(FilledFormBuilder.Valid().Text("budget.applicantFunds", "0.00").Build());

        Assert.Equal(0m, build.Record.Budget.ApplicantFunds);
    }

    [Fact]
    public void Full_width_input_is_typed()
    {
        var form = FilledFormBuilder.Valid()
            .Text("applicant.staffCount", "１２０")
            .Text("applicant.lastYearRdSpend", "６８０．５０万元")
            .Text("applicant.creditCode", "９１１１０１０８ｍａ０１ｘｙ３ｋ５ａ")
            .Build();

        var r = ApplicationRecordBuilder.Build(form).Record;

        Assert.Equal(120, r.Applicant.StaffCount);
        Assert.Equal(680.50m, r.Applicant.LastYearRdSpend);
        Assert.Equal(FilledFormBuilder.LeadCode, r.Applicant.CreditCode);
    }

    [Theory]
    [InlineData("applicant.established", "2015.06.18", "format")]
    [InlineData("applicant.staffCount", "一百二十", "format")]
    [InlineData("applicant.lastYearRdSpend", "680.505", "format")]
    [InlineData("applicant.orgType", "公司", "format")]
    public void Values_that_cannot_be_typed_are_null_with_a_format_finding(string path, string text, string code)
    {
        var build = ApplicationRecordBuilder.Build(FilledFormBuilder.Valid().Text(path, text).Build());

        var finding = Assert.Single(build.Findings);
        Assert.Equal((code, path, Severity.Error), (finding.Code, finding.Field, finding.Severity));
    }

    [Fact]
    public void Empty_left_behind_item_is_dropped_and_order_is_kept()
    {
        var form = FilledFormBuilder.Valid()
            .AddEmptyItem("indicators")
            .AddItem("indicators", ("name", "寿命"), ("target", "≥10000次"))
            .Build();

        var build = ApplicationRecordBuilder.Build(form);

        Assert.Equal(["定位精度", "末端负载", "寿命"], build.Record.Plan.Indicators.Select(i => i.Name));
        Assert.Empty(build.Findings);
    }

    [Fact]
    public void Check_boxes_read_as_booleans()
    {
        var form = FilledFormBuilder.Valid().Tick("decl.truthful", false).Build();

        Assert.False(ApplicationRecordBuilder.Build(form).Record.Declarations.Truthful);
    }

    [Fact]
    public void Missing_markers_give_an_empty_identity()
    {
        var form = FilledFormBuilder.Valid().Markers(new FormMarkers(null, null, null, false, false)).Build();

        Assert.Equal(new FormIdentity("", "", ""), ApplicationRecordBuilder.Build(form).Record.Form);
    }
}
