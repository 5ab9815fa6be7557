using System.Globalization;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Testing;

/// <summary>The first batch round (2020-01) and one of its demands, as in first-batch-demands.json.</summary>
public static class SampleProgramme
{
    public const string RoundId = "2020-01";
    public const string DemandId = "QL2020-BM-02";
    public const string DemandTitle = "多自由度力控医用机械臂";
    public const string DemandIssuer = "北京天智航医疗科技股份有限公司";
    public const string DemandSector = "生物医药";

    public static Round FirstBatch { get; } = new(
        RoundId,
        "中关村强链工程首批技术需求榜单",
        new DateOnly(2020, 12, 28),
        DateTimeOffset.Parse("2020-12-29T00:00:00+08:00", CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2021-02-10T23:59:59+08:00", CultureInfo.InvariantCulture),
        "Asia/Shanghai",
        ["新一代信息技术", "生物医药"],
        MaxCoApplicants: 4,
        MaxProjectMonths: 36,
        SupportRatio: 0.30m);

    public static Demand RoboticArm { get; } = new(
        DemandId,
        RoundId,
        DemandSector,
        SubField: null,
        DemandTitle,
        DemandIssuer,
        IssuerCreditCode: null,
        CoIssuers: null,
        Summary: null,
        Indicators: null,
        DeadlineMonths: null,
        Procurement: null,
        CommittedVolume: null,
        ContactName: null,
        ContactPhone: null,
        Demand.Approved);
}
