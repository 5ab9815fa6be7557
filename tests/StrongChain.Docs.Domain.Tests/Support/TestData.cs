using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.Tests.Support;

/// <summary>The first batch's round and one of its demands (first-batch-demands.json), and a moment inside the window.</summary>
public static class TestData
{
    public static readonly Round Round = new(
        "2020-01",
        "中关村强链工程首批技术需求榜单",
        new DateOnly(2020, 12, 28),
        new DateTimeOffset(2020, 12, 29, 0, 0, 0, TimeSpan.FromHours(8)),
        new DateTimeOffset(2021, 2, 10, 23, 59, 59, TimeSpan.FromHours(8)),
        "Asia/Shanghai",
        ["新一代信息技术", "生物医药"],
        MaxCoApplicants: 4,
        MaxProjectMonths: 36,
        SupportRatio: 0.30m);

    public static readonly Demand Demand = new(
        "QL2020-BM-02", "2020-01", "生物医药", null, "多自由度力控医用机械臂", "北京天智航医疗科技股份有限公司",
        null, null, null, null, 36, null, null, null, null, Demand.Approved);

    public static readonly DateTimeOffset Now = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));

    public static ApplicationCheck Check(FilledForm form, DateTimeOffset? now = null, Round? round = null) =>
        ApplicationRules.Check(form, round ?? Round, Demand, now ?? Now);

    public static ApplicationCheck Check(FilledFormBuilder builder, DateTimeOffset? now = null, Round? round = null) =>
        Check(builder.Build(), now, round);
}

/// <summary>Assertions that name the one finding a change should cause.</summary>
public static class FindingAssert
{
    public static Finding Single(ApplicationCheck check, string code, string field)
    {
        var finding = Assert.Single(check.Findings);
        Assert.Equal((code, field), (finding.Code, finding.Field));
        return finding;
    }

    public static void None(ApplicationCheck check) => Assert.Empty(check.Findings);
}
