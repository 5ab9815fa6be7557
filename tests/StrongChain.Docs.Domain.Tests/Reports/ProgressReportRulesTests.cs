using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Reports;

namespace StrongChain.Docs.Domain.Tests.Reports;

/// <summary>Each check of a progress report against its consortium, one finding at a time; none throws.</summary>
public sealed class ProgressReportRulesTests
{
    private static readonly Consortium Consortium = new(
        "LHT-QL2020-BM-02-0001", "XY-QL2020-BM-02-0001", 1, "app-1", 1, "2020-01", "QL2020-BM-02", "多自由度力控医用机械臂", "生物医药",
        [new("甲方", "发榜企业", "示例发榜企业", null), new("乙方", "牵头揭榜单位", "示例智能医疗科技有限公司", "91110108MA01C8QX20")],
        new ConsortiumFunding(500m, 300m, 100m, 400m, 0.30m, 100m, 100m, [new("设备费", 200m), new("材料费", 120m), new("劳务费", 100m)]),
        new DateOnly(2021, 3, 1), new DateOnly(2023, 2, 28),
        [new(1, "样机设计", new DateOnly(2021, 12, 31), "设计报告"), new(2, "整机集成", new DateOnly(2022, 12, 31), null)],
        new SignedCopy("x.pdf", "application/pdf", 1, new string('a', 64), DateTimeOffset.UnixEpoch, "staff"));

    private static Dictionary<string, string> Valid() => new(StringComparer.Ordinal)
    {
        [ProgressReportForm.ConsortiumIdTag] = Consortium.Id,
        [ProgressReportForm.MilestoneNumberTag] = "1",
        [ProgressReportForm.TemplateVersionTag] = ProgressReportForm.TemplateVersion,
        ["report.periodStart"] = "2021-03-01",
        ["report.periodEnd"] = "2021-12-31",
        ["report.status"] = ProgressReportForm.Achieved,
        ["report.achievedOn"] = "2021-12-20",
        ["report.workDone"] = "完成样机设计。",
        ["contact.name"] = "周示例",
        ["contact.phone"] = "010-62345678",
        ["report.date"] = "2022-01-05",
        ["spendItems[0].category"] = "设备费",
        ["spendItems[0].amount"] = "150.00",
        ["spendItems[1].category"] = "材料费",
        ["spendItems[1].amount"] = "60.50",
    };

    private static FilledForm Form(Dictionary<string, string> values, int spendRows = 2, FormRecovery? recovery = null) => new(
        new FormMarkers(null, null, null, false, false),
        [.. values.Select((v, i) => new FilledValue(v.Key, TagOf(v.Key), 0, v.Value, null, false))],
        new Dictionary<string, int> { ["spendItems"] = spendRows },
        "LibreOffice/7.4.7.2$Linux_X86_64",
        recovery);

    private static string TagOf(string path) => path.StartsWith("spendItems[", StringComparison.Ordinal) ? "spend." + path[(path.IndexOf("].", StringComparison.Ordinal) + 2)..] : path;

    private static ProgressReportCheck Check(Action<Dictionary<string, string>>? change = null, IReadOnlyDictionary<string, decimal>? elsewhere = null, int spendRows = 2)
    {
        var values = Valid();
        change?.Invoke(values);
        return ProgressReportRules.Check(Form(values, spendRows), Consortium, elsewhere);
    }

    private static Finding Only(ProgressReportCheck check, string code) => Assert.Single(check.Findings, f => f.Code == code);

    [Fact]
    public void Valid_report_has_no_findings_and_types_every_value()
    {
        var check = Check();

        Assert.Empty(check.Findings);
        Assert.False(check.HasErrors);
        var r = check.Record;
        Assert.Equal((Consortium.Id, 1, MilestoneStatus.Achieved, new DateOnly(2021, 12, 20)), (r.ConsortiumId, r.MilestoneNumber, r.Status, r.AchievedOn));
        Assert.Equal([new ReportSpendItem("设备费", 150m, null), new ReportSpendItem("材料费", 60.50m, null)], r.Spend);
        Assert.Equal(210.50m, r.SpendTotal);
    }

    [Fact]
    public void Milestone_the_consortium_does_not_have_is_an_error()
    {
        var finding = Only(Check(v => v[ProgressReportForm.MilestoneNumberTag] = "7"), ProgressReportCodes.MilestoneUnknown);

        Assert.Equal((Severity.Error, ProgressReportForm.MilestoneNumberTag), (finding.Severity, finding.Field));
    }

    [Fact]
    public void Spend_over_a_budget_item_is_an_error_on_that_row_counting_the_other_milestones_reports()
    {
        var alone = Only(Check(v => v["spendItems[1].amount"] = "120.01"), ProgressReportCodes.SpendOverItem);
        var withOthers = Only(Check(elsewhere: new Dictionary<string, decimal> { ["设备费"] = 50.01m }), ProgressReportCodes.SpendOverItem);

        Assert.Equal(("spendItems[1].amount", Severity.Error), (alone.Field, alone.Severity));
        Assert.Equal("spendItems[0].amount", withOthers.Field);
        Assert.Contains("200.01", withOthers.Message, StringComparison.Ordinal);
        Assert.Empty(Check(elsewhere: new Dictionary<string, decimal> { ["设备费"] = 50m }).Findings);
    }

    [Fact]
    public void Total_spend_over_the_agreed_budget_is_an_error()
    {
        // Each item within its ceiling, the project over its 500: 200 + 120 + 100 from other reports, 150 + 60.5 here.
        var check = Check(elsewhere: new Dictionary<string, decimal> { ["劳务费"] = 100m, ["其他"] = 200m });

        Assert.Equal(Severity.Error, Only(check, ProgressReportCodes.SpendOverBudget).Severity);
        Assert.DoesNotContain(check.Findings, f => f.Code == ProgressReportCodes.SpendOverItem);
    }

    [Fact]
    public void Spend_on_an_item_outside_the_agreement_is_an_error()
    {
        var finding = Only(Check(v => v["spendItems[1].category"] = "会议费"), ProgressReportCodes.SpendCategoryUnknown);

        Assert.Equal("spendItems[1].category", finding.Field);
    }

    [Theory]
    [InlineData("report.periodStart", "2021-02-28")]
    [InlineData("report.periodEnd", "2023-03-01")]
    [InlineData("report.achievedOn", "2021-02-01")]
    public void Dates_outside_the_project_period_are_errors(string path, string date)
    {
        var check = Check(v => v[path] = date);

        Assert.Equal(path, Only(check, ProgressReportCodes.DateOutsideProject).Field);
    }

    [Fact]
    public void Period_ending_before_it_starts_is_an_error()
    {
        var check = Check(v => (v["report.periodStart"], v["report.periodEnd"]) = ("2021-10-01", "2021-09-30"));

        Assert.Equal((Severity.Error, "report.periodEnd"), (Only(check, ProgressReportCodes.DateOrder).Severity, Only(check, ProgressReportCodes.DateOrder).Field));
    }

    [Fact]
    public void Required_fields_left_empty_are_errors_each()
    {
        var check = Check(v =>
        {
            v.Remove("report.workDone");
            v.Remove("contact.phone");
            v["report.date"] = " ";
        });

        Assert.Equal(["contact.phone", "report.date", "report.workDone"],
            check.Findings.Where(f => f.Code == ProgressReportCodes.Required).Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.True(check.HasErrors);
    }

    [Fact]
    public void Achieved_status_needs_a_date_achieved_and_a_late_one_is_a_warning()
    {
        var missing = Only(Check(v => v.Remove("report.achievedOn")), ProgressReportCodes.AchievedDateMissing);
        var late = Check(v => v["report.achievedOn"] = "2022-01-03");
        var partly = Check(v => v["report.status"] = ProgressReportForm.PartlyAchieved);

        Assert.Equal((Severity.Error, "report.achievedOn"), (missing.Severity, missing.Field));
        Assert.Equal(Severity.Warning, Only(late, ProgressReportCodes.MilestoneLate).Severity);
        Assert.False(late.HasErrors);
        Assert.Equal(Severity.Warning, Only(partly, ProgressReportCodes.AchievedDateUnexpected).Severity);
        Assert.Empty(Check(v => { v["report.status"] = ProgressReportForm.NotAchieved; v.Remove("report.achievedOn"); }).Findings);
    }

    [Fact]
    public void Values_that_do_not_parse_are_format_errors_and_null_in_the_record()
    {
        var check = Check(v =>
        {
            v["report.periodStart"] = "三月一日";
            v["spendItems[0].amount"] = "很多";
            v["report.status"] = "差不多";
            v["contact.email"] = "not a mail";
        });

        Assert.Equal(["contact.email", "report.periodStart", "report.status", "spendItems[0].amount"],
            check.Findings.Where(f => f.Code == ProgressReportCodes.Format).Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Equal((null, null, null), (check.Record.PeriodStart, check.Record.Status, check.Record.Spend[0].Amount));
    }

    [Fact]
    public void Empty_spend_row_is_dropped_and_a_half_filled_one_names_what_is_missing()
    {
        var empty = Check(spendRows: 3);
        var half = Check(v => v["spendItems[2].note"] = "差旅", spendRows: 3);

        Assert.Equal(2, empty.Record.Spend.Count);
        Assert.Empty(empty.Findings);
        Assert.Equal(["spendItems[2].amount", "spendItems[2].category"],
            half.Findings.Where(f => f.Code == ProgressReportCodes.Required).Select(f => f.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Recovered_form_flags_every_recovered_value_and_reports_lost_labels_instead_of_required()
    {
        var values = Valid();
        values.Remove("contact.phone");
        var recovery = new FormRecovery(true, [.. values.Keys], ["contact.phone"]);
        var check = ProgressReportRules.Check(Form(values, recovery: recovery), Consortium);

        Assert.Equal(values.Keys.Order(StringComparer.Ordinal),
            check.Findings.Where(f => f.Code == ProgressReportCodes.RecoveredByLabel).Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.All(check.Findings.Where(f => f.Code == ProgressReportCodes.RecoveredByLabel), f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal("contact.phone", Only(check, ProgressReportCodes.NotRecovered).Field);
        Assert.DoesNotContain(check.Findings, f => f.Code == ProgressReportCodes.Required);
        Assert.Contains("LibreOffice/7.4.7.2", Only(check, ProgressReportCodes.NotRecovered).Message, StringComparison.Ordinal);
    }
}
