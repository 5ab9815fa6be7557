using System.Net;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Programme;

[Collection(ServiceCollection.Name)]
public sealed class RoundsAndDemandsTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task First_batch_round_keeps_its_window_in_Beijing_time()
    {
        var round = await (await _client.GetAsync("/api/rounds/2020-01")).JsonAsync();

        Assert.Equal("中关村强链工程首批技术需求榜单", round.GetProperty("name").GetString());
        Assert.Equal("2020-12-29T00:00:00+08:00", round.GetProperty("opens").GetString());
        Assert.Equal("2021-02-10T23:59:59+08:00", round.GetProperty("closes").GetString());
        Assert.Equal("Asia/Shanghai", round.GetProperty("timeZone").GetString());
        Assert.Equal(0.30m, round.GetProperty("supportRatio").GetDecimal());
        Assert.Equal(4, round.GetProperty("maxCoApplicants").GetInt32());
        Assert.Equal(["新一代信息技术", "生物医药"], round.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task First_batch_lists_ten_demands_four_in_IT_and_six_in_biomedicine()
    {
        var demands = (await (await _client.GetAsync("/api/demands?roundId=2020-01&status=通过")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(10, demands.Count);
        Assert.Equal(4, demands.Count(d => d.GetProperty("sector").GetString() == "新一代信息技术"));
        Assert.Equal(6, demands.Count(d => d.GetProperty("sector").GetString() == "生物医药"));
        Assert.Contains(demands, d => d.GetProperty("title").GetString() == "Micro LED显示控制集成电路");
    }

    [Fact]
    public async Task Only_the_issuer_named_by_the_sources_is_real_the_others_are_marked_sample()
    {
        var demands = (await (await _client.GetAsync("/api/demands?roundId=2020-01")).JsonAsync()).EnumerateArray().ToList();

        var real = Assert.Single(demands, d => !d.GetProperty("issuer").GetString()!.StartsWith("示例发榜企业", StringComparison.Ordinal));
        Assert.Equal("QL2020-BM-02", real.GetProperty("id").GetString());
        Assert.Equal("北京天智航医疗科技股份有限公司", real.GetProperty("issuer").GetString());
        Assert.Equal(9, demands.Select(d => d.GetProperty("issuer").GetString()).Distinct().Count() - 1);
    }

    [Fact]
    public async Task Demand_detail_and_unknown_demand()
    {
        var demand = await (await _client.GetAsync("/api/demands/QL2020-IT-03")).JsonAsync();
        Assert.Equal("2020-01", demand.GetProperty("roundId").GetString());

        var missing = await _client.GetAsync("/api/demands/QL2099-XX-01");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unknown-demand", (await missing.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Demo_round_is_open_around_the_service_clock_with_the_same_ten_demands()
    {
        // The factory's clock is 2021-01-15 10:00 Beijing time: the demo opens the day before and stays open 90 days.
        var round = await (await _client.GetAsync("/api/rounds/demo")).JsonAsync();
        Assert.Equal("演示批次（示例数据）", round.GetProperty("name").GetString());
        Assert.Equal("2021-01-14T00:00:00+08:00", round.GetProperty("opens").GetString());
        Assert.Equal("2021-04-14T23:59:59+08:00", round.GetProperty("closes").GetString());
        Assert.Equal(["新一代信息技术", "生物医药"], round.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));

        var demands = (await (await _client.GetAsync("/api/demands?roundId=demo")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(10, demands.Count);
        Assert.Equal("DEMO-IT-01", demands[0].GetProperty("id").GetString());
        var arm = Assert.Single(demands, d => d.GetProperty("id").GetString() == "DEMO-BM-02");
        Assert.Equal("北京天智航医疗科技股份有限公司", arm.GetProperty("issuer").GetString());
        Assert.Equal("多自由度力控医用机械臂", arm.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Rounds_list_the_first_batch_before_the_demo()
    {
        var rounds = (await (await _client.GetAsync("/api/rounds")).JsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["2020-01", "demo"], rounds);
    }

    [Fact]
    public async Task Unknown_round_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/rounds/1999-01");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown-round", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
