using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.Tests.Bulletins;

public sealed class BulletinContentTests
{
    private static readonly Round FirstRound = new(
        "2020-01", "中关村强链工程首批技术需求榜单", new DateOnly(2020, 12, 28),
        DateTimeOffset.Parse("2020-12-29T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2021-02-10T23:59:59+08:00", System.Globalization.CultureInfo.InvariantCulture),
        "Asia/Shanghai", ["新一代信息技术", "生物医药"], 4, 36, 0.30m);

    private static Demand D(string id, string sector, string status = Demand.Approved) =>
        new(id, FirstRound.Id, sector, null, "题目" + id, "企业" + id, null, null, null, null, null, null, null, null, null, status);

    private static readonly Demand[] FirstBatch =
    [
        D("IT-1", "新一代信息技术"), D("IT-2", "新一代信息技术"), D("IT-3", "新一代信息技术"), D("IT-4", "新一代信息技术"),
        D("BM-1", "生物医药"), D("BM-2", "生物医药"), D("BM-3", "生物医药"), D("BM-4", "生物医药"), D("BM-5", "生物医药"), D("BM-6", "生物医药"),
    ];

    [Fact]
    public void Bulletin_of_the_first_batch_counts_4_and_6()
    {
        var content = BulletinContent.Compose(FirstRound, FirstBatch);
        Assert.Equal(10, content.DemandCount);
        Assert.Equal([new SectorCount("新一代信息技术", 4), new SectorCount("生物医药", 6)], content.Sectors);
        Assert.Contains("共10项，其中新一代信息技术4项、生物医药6项。", content.Opening[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_approved_demands_of_the_round_are_published()
    {
        Demand[] demands =
        [
            D("A", "生物医药"), D("B", "生物医药", Demand.Pending), D("C", "新一代信息技术", Demand.Rejected),
            D("D", "生物医药") with { RoundId = "2021-01" },
        ];
        var content = BulletinContent.Compose(FirstRound, demands);
        Assert.Equal(1, content.DemandCount);
        Assert.Equal([new SectorCount("生物医药", 1)], content.Sectors);
        var rows = content.Sections.SelectMany(s => s.Blocks).OfType<BulletinTable>().SelectMany(t => t.Rows).ToList();
        Assert.Equal(["A"], rows.Select(r => r.DemandId));
    }

    [Fact]
    public void A_round_without_approved_demands_has_no_bulletin() =>
        Assert.Throws<InvalidOperationException>(() => BulletinContent.Compose(FirstRound, [D("B", "生物医药", Demand.Pending)]));

    [Fact]
    public void Sectors_follow_the_round_then_first_appearance()
    {
        var content = BulletinContent.Compose(FirstRound, [D("X", "新材料"), D("B", "生物医药"), D("I", "新一代信息技术")]);
        Assert.Equal(["新一代信息技术", "生物医药", "新材料"], content.Sectors.Select(s => s.Name));
        Assert.Contains("（三）新材料（1项）", content.Sections[0].Blocks.OfType<BulletinSubheading>().Select(h => h.Text));
    }

    [Theory]
    [InlineData("2020-01", "中科园发〔2020〕1号")]
    [InlineData("2021-12", "中科园发〔2021〕12号")]
    [InlineData("demo", "中科园发〔2020〕1号")]
    public void Document_number_comes_from_the_round(string roundId, string expected) =>
        Assert.Equal(expected, BulletinContent.NumberFor(FirstRound with { Id = roundId }));

    [Fact]
    public void Date_is_the_publication_date_else_the_opening_day_in_the_rounds_zone()
    {
        Assert.Equal("2020年12月28日", BulletinContent.Compose(FirstRound, FirstBatch).DateText);
        var unpublished = FirstRound with { PublishedOn = null, Opens = DateTimeOffset.Parse("2021-03-01T23:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(new DateOnly(2021, 3, 2), BulletinContent.PublicationDate(unpublished));
    }

    [Fact]
    public void Window_is_printed_in_beijing_time()
    {
        var content = BulletinContent.Compose(FirstRound, FirstBatch);
        var text = string.Join("\n", content.Sections.SelectMany(s => s.Blocks).OfType<BulletinParagraph>().Select(p => p.Text));
        Assert.Contains("申报时间：2020年12月29日至2021年2月10日（北京时间）", text, StringComparison.Ordinal);
        Assert.Contains("联合揭榜单位不超过4家", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_demand_facts_read_as_not_provided_and_joint_issuers_as_none()
    {
        var fields = BulletinContent.Compose(FirstRound, [D("A", "生物医药")]).Sections[1].Blocks.OfType<BulletinField>()
            .ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("无", fields["联合发榜企业"]);
        Assert.Equal(BulletinContent.NotProvided, fields["需求概述"]);
        Assert.Equal(BulletinContent.NotProvided, fields["采购承诺"]);
    }

    [Fact]
    public void Detail_entries_carry_summary_indicators_time_limit_procurement_and_joint_issuers()
    {
        var demand = D("A", "生物医药") with
        {
            Summary = "概述", Indicators = "指标", DeadlineMonths = 18, Procurement = "意向采购", CommittedVolume = "500套",
            CoIssuers = "甲、乙", ContactName = "张三", ContactPhone = "010-1",
        };
        var fields = BulletinContent.Compose(FirstRound, [demand]).Sections[1].Blocks.OfType<BulletinField>()
            .ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("概述", fields["需求概述"]);
        Assert.Equal("指标", fields["主要技术指标"]);
        Assert.Equal("18个月", fields["完成时限"]);
        Assert.Equal("意向采购（带量发榜：500套）", fields["采购承诺"]);
        Assert.Equal("甲、乙", fields["联合发榜企业"]);
        Assert.Equal("张三，010-1", fields["联系人"]);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    [InlineData(100, "100")]
    public void Chinese_numbers_for_headings(int n, string expected) => Assert.Equal(expected, BulletinContent.ChineseNumber(n));
}
