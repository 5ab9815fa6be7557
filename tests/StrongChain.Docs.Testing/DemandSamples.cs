using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Testing;

/// <summary>
/// The first batch (round 2020-01) as complete demand rows. Titles, ids and the one named issuer come from the
/// sources; every other issuer is a clearly fictitious 示例发榜企业, and every credit code, contact and figure here is a
/// generated test value, not a real registration.
/// </summary>
public static class DemandSamples
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static Round FirstRound { get; } = new(
        "2020-01",
        "中关村强链工程首批技术需求榜单",
        new DateOnly(2020, 12, 28),
        DateTimeOffset.Parse("2020-12-29T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2021-02-10T23:59:59+08:00", System.Globalization.CultureInfo.InvariantCulture),
        "Asia/Shanghai",
        ["新一代信息技术", "生物医药"],
        4,
        36,
        0.30m);

    private static readonly (string Id, string Sector, string Title, string? Issuer)[] Batch =
    [
        ("QL2020-IT-01", "新一代信息技术", "面向存储器版图设计的浏览器及IP集成工具", null),
        ("QL2020-IT-02", "新一代信息技术", "IPC（网络摄像机）加密授权芯片解决方案", null),
        ("QL2020-IT-03", "新一代信息技术", "Micro LED显示控制集成电路", null),
        ("QL2020-IT-04", "新一代信息技术", "工业生产通用流程模拟系统软件", null),
        ("QL2020-BM-01", "生物医药", "高性能医用涡轮", null),
        ("QL2020-BM-02", "生物医药", "多自由度力控医用机械臂", "北京天智航医疗科技股份有限公司"),
        ("QL2020-BM-03", "生物医药", "医用铂铬合金管", null),
        ("QL2020-BM-04", "生物医药", "CT滑环", null),
        ("QL2020-BM-05", "生物医药", "生物药生产的层析填料", null),
        ("QL2020-BM-06", "生物医药", "生物药生产的一次性生物反应器内衬袋和中间品存放袋", null),
    ];

    /// <summary>The ten demands, each field filled; QL2020-IT-02 is a joint call (带量发榜) with two co-issuers.</summary>
    public static IReadOnlyList<Demand> FirstBatch { get; } = Build();

    /// <summary>
    /// The first batch as the service seeds and publishes it: the ten demands, all approved, with only what the sources
    /// give (id, sector, title, the one named issuer; 示例发榜企业A… for the others).
    /// </summary>
    public static IReadOnlyList<Demand> Published { get; } = BuildPublished();

    /// <summary>
    /// A round of <paramref name="count"/> approved demands with every field filled, alternating over the first round's
    /// sectors (the bulletin benchmark's 1,000-demand round).
    /// </summary>
    public static IReadOnlyList<Demand> Generated(int count) =>
    [
        .. Enumerable.Range(1, count).Select(n =>
        {
            var sector = FirstRound.Sectors[n % FirstRound.Sectors.Count];
            var title = $"示例技术需求{n:D4}：面向产业链薄弱环节的关键器件与软件国产化研制";
            return new Demand(
                $"GEN-{n:D4}", FirstRound.Id, sector, n % 2 == 0 ? "集成电路" : null, title,
                $"示例发榜企业{n:D4}", CreditCode(n), n % 5 == 0 ? "示例联合发榜企业甲" : null,
                $"围绕“{title}”的技术攻关需求，需实现国产化替代，满足批量生产要求。",
                "1. 关键性能达到国际同类产品水平；\n2. 完成不少于3家用户的验证。",
                12 + (n % 25), $"项目验收合格后，发榜企业意向采购不少于{n * 10}万元。", n % 5 == 0 ? "500套" : null,
                $"示例联系人{n}", $"010-6260{n % 10000:D4}", Demand.Approved);
        }),
    ];

    /// <summary>A valid code for a test: 9 (工商) 1 (企业) 110108 (海淀区) then a running number, with its check character.</summary>
    public static string CreditCode(int n) => WithCheck($"91110108MA{n:D7}");

    /// <summary>The 17 characters given plus the GB 32100-2015 check character (computed here independently of the service).</summary>
    public static string WithCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return first17 + Alphabet[(31 - (sum % 31)) % 31];
    }

    private static List<Demand> BuildPublished()
    {
        var fictitious = 0;
        return [.. Batch.Select(b => new Demand(
            b.Id, FirstRound.Id, b.Sector, null, b.Title, b.Issuer ?? $"示例发榜企业{(char)('A' + fictitious++)}",
            null, null, null, null, null, null, null, null, null, Demand.Approved))];
    }

    private static List<Demand> Build()
    {
        var fictitious = 0;
        var demands = new List<Demand>();
        for (var i = 0; i < Batch.Length; i++)
        {
            var (id, sector, title, issuer) = Batch[i];
            var joint = id == "QL2020-IT-02";
            demands.Add(new Demand(
                id,
                FirstRound.Id,
                sector,
                i % 3 == 0 ? null : sector == "生物医药" ? "医疗器械" : "集成电路",
                title,
                issuer ?? $"示例发榜企业{(char)('A' + fictitious++)}",
                CreditCode(i + 1),
                joint ? "示例联合发榜企业甲、示例联合发榜企业乙" : null,
                $"围绕“{title}”的技术攻关需求。\n需实现国产化替代，满足批量生产要求。",
                "1. 关键性能达到国际同类产品水平；\n2. 完成不少于3家用户的验证。",
                12 + (i * 3),
                $"项目验收合格后，发榜企业意向采购不少于{(i + 1) * 100}万元。",
                joint ? "500套" : null,
                $"示例联系人{i + 1}",
                i % 2 == 0 ? $"1380013{8000 + i}" : $"010-6260{1000 + i}",
                i < 8 ? Demand.Approved : Demand.Pending));
        }

        return demands;
    }
}
