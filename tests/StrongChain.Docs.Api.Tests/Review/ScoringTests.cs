using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Review;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>
/// Scoring on a seeded round: the first batch's 10 demands × 8 applications × 5 experts, every expert filling the workbook the
/// service gives it; the aggregation is compared with the same figures computed here. Then bad sheets, each error by cell.
/// </summary>
public sealed class ScoringTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly string[] Demands = ["QL2020-IT-01", "QL2020-IT-02", "QL2020-IT-03", "QL2020-IT-04", "QL2020-BM-01", "QL2020-BM-02", "QL2020-BM-03", "QL2020-BM-04", "QL2020-BM-05", "QL2020-BM-06"];
    private const int Applications = 8;
    private const int Experts = 5;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<Dictionary<string, string>>> Seeded = [];

    /// <summary>Receipt number → application id, for every seeded application.</summary>
    private Dictionary<string, string> _applications = [];

    public async Task InitializeAsync() => _applications = await Seeded.GetValue(factory, SeedAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string ExpertId(int d, int k) => $"e{d}-{k}";

    /// <summary>Expert k's score of application a on criterion c of demand d: 50–99.5, in halves, spread over experts.</summary>
    private static decimal Value(int d, int a, int k, int c) => 50m + ((d * 7 + a * 13 + k * 3 + c * 11 + a * k) % 100) / 2m;

    private static async Task<Dictionary<string, string>> SeedAsync(ServiceFactory factory)
    {
        using var staff = await factory.StaffAsync();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var d = 0; d < Demands.Length; d++)
        {
            for (var k = 0; k < Experts; k++)
            {
                var assigned = await staff.PostAsJsonAsync($"/api/demands/{Demands[d]}/panel",
                    new { expertId = ExpertId(d, k), name = $"专家{d}{k}", organisation = $"示例评审单位{d}{k}", organisationCreditCode = Submissions.CreditCode(5000 + d * 10 + k) });
                Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
            }

            for (var a = 0; a < Applications; a++)
            {
                await ReviewRoles.SubmitAsync(factory, Demands[d], Submissions.CreditCode(1000 + d * 10 + a), $"示例申报单位{d}-{a}");
            }
        }

        foreach (var item in (await staff.GetFromJsonAsync<JsonElement>("/api/applications?roundId=2020-01")).EnumerateArray())
        {
            ids[item.GetProperty("receiptNo").GetString()!] = item.GetProperty("id").GetString()!;
        }

        for (var d = 0; d < Demands.Length; d++)
        {
            for (var k = 0; k < Experts; k++)
            {
                using var expert = await factory.ExpertAsync(ExpertId(d, k));
                var workbook = await expert.GetByteArrayAsync($"/api/demands/{Demands[d]}/scoring/workbook");
                var (dd, kk) = (d, k);
                var filled = ScoreSheets.Fill(workbook, (_, set) =>
                {
                    foreach (var (row, receipt) in ScoreSheets.Receipts(workbook))
                    {
                        var a = Sequence(receipt) - 1;
                        for (var c = 0; c < ScoringCriteria.Default.Count; c++)
                        {
                            set($"{(char)('C' + c)}{row}", Value(dd, a, kk, c));
                        }
                    }
                });
                var uploaded = await expert.PostRawAsync($"/api/demands/{Demands[d]}/scoring", filled, Xlsx);
                Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
            }
        }

        return ids;
    }

    /// <summary>QL2020-BM-02-0003 → 3: the seeded applications of a demand were received in order a = 0…7.</summary>
    private static int Sequence(string receipt) => int.Parse(receipt[^4..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Aggregation_per_demand_matches_mean_weighted_total_spread_and_rank_computed_independently()
    {
        using var staff = await factory.StaffAsync();

        var results = (await staff.GetFromJsonAsync<JsonElement>("/api/rounds/2020-01/scoring/results")).EnumerateArray().ToList();

        Assert.Equal(Demands.Length, results.Count);
        foreach (var demand in results)
        {
            var d = Array.IndexOf(Demands, demand.GetProperty("demandId").GetString());
            var expected = Enumerable.Range(0, Applications).Select(a =>
            {
                var totals = Enumerable.Range(0, Experts).Select(k => ScoringCriteria.Default.Select((c, i) => Value(d, a, k, i) * c.Weight / 100m).Sum()).ToList();
                return (Receipt: $"{Demands[d]}-{a + 1:0000}", Total: decimal.Round(totals.Average(), 2, MidpointRounding.AwayFromZero),
                    Spread: decimal.Round(totals.Max() - totals.Min(), 2, MidpointRounding.AwayFromZero),
                    FirstMean: decimal.Round(Enumerable.Range(0, Experts).Average(k => Value(d, a, k, 0)), 2, MidpointRounding.AwayFromZero));
            }).OrderByDescending(e => e.Total).ThenBy(e => e.Receipt, StringComparer.Ordinal).ToList();

            var actual = demand.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(Applications, actual.Count);
            for (var i = 0; i < Applications; i++)
            {
                Assert.Equal(expected[i].Receipt, actual[i].GetProperty("receiptNo").GetString());
                Assert.Equal(expected[i].Total, actual[i].GetProperty("weightedTotal").GetDecimal());
                Assert.Equal(expected[i].Spread, actual[i].GetProperty("spread").GetDecimal());
                Assert.Equal(expected[i].FirstMean, actual[i].GetProperty("criterionMeans").GetProperty("technical").GetDecimal());
                Assert.Equal(Experts, actual[i].GetProperty("expertCount").GetInt32());
                var rank = actual[i].GetProperty("rank").GetInt32();
                Assert.Equal(i > 0 && expected[i].Total == expected[i - 1].Total ? actual[i - 1].GetProperty("rank").GetInt32() : i + 1, rank);
            }
        }
    }

    [Fact]
    public async Task Summary_workbook_holds_every_application_in_rank_order_per_demand()
    {
        using var staff = await factory.StaffAsync();
        var json = (await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-02/scoring/results")).GetProperty("results").EnumerateArray().ToList();

        var response = await staff.GetAsync("/api/rounds/2020-01/scoring/results.xlsx");

        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().Skip(1).ToList();
        Assert.Equal(Demands.Length * Applications, rows.Count);
        var robot = rows.Where(r => r.Elements<Cell>().First().InnerText == "QL2020-BM-02").ToList();
        Assert.Equal(json.Select(j => j.GetProperty("receiptNo").GetString()), robot.Select(r => r.Elements<Cell>().ElementAt(3).InnerText));
        Assert.Equal(json[0].GetProperty("weightedTotal").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture),
            robot[0].Elements<Cell>().ElementAt(6 + ScoringCriteria.Default.Count).InnerText);
    }

    [Fact]
    public async Task Bad_score_sheet_is_refused_whole_with_every_error_on_its_cell()
    {
        using var expert = await factory.ExpertAsync(ExpertId(5, 0));
        using var staff = await factory.StaffAsync();
        var before = await staff.GetStringAsync("/api/demands/QL2020-BM-02/scoring/results");
        var workbook = await expert.GetByteArrayAsync("/api/demands/QL2020-BM-02/scoring/workbook");
        var bad = ScoreSheets.Fill(workbook, (_, set) =>
        {
            foreach (var row in ScoreSheets.Receipts(workbook).Keys)
            {
                for (var c = 0; c < ScoringCriteria.Default.Count; c++)
                {
                    set($"{(char)('C' + c)}{row}", 60m);
                }
            }

            set("C5", 150m);
            set("D6", "优秀");
            set("E7", null);
            set("A8", "QL2020-BM-02-9999");
        });

        var response = await expert.PostRawAsync("/api/demands/QL2020-BM-02/scoring", bad, Xlsx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("invalid-score-sheet", problem.GetProperty("code").GetString());
        var findings = problem.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("cell").GetString(), f.GetProperty("code").GetString())).ToList();
        Assert.Contains(("C5", "score-out-of-range"), findings);
        Assert.Contains(("D6", "score-not-a-number"), findings);
        Assert.Contains(("E7", "score-missing"), findings);
        Assert.Contains(("A8", "unknown-application"), findings);
        Assert.Contains((null, "application-not-scored"), findings);
        Assert.Equal(before, await staff.GetStringAsync("/api/demands/QL2020-BM-02/scoring/results"));
    }

    [Fact]
    public async Task Sheet_without_an_expert_or_of_another_expert_is_refused_on_the_expert_cell()
    {
        using var staff = await factory.StaffAsync();
        using var expert = await factory.ExpertAsync(ExpertId(5, 1));
        var blank = await staff.GetByteArrayAsync("/api/demands/QL2020-BM-02/scoring/workbook");
        var filled = ScoreSheets.Fill(blank, (_, set) =>
        {
            foreach (var row in ScoreSheets.Receipts(blank).Keys)
            {
                for (var c = 0; c < ScoringCriteria.Default.Count; c++)
                {
                    set($"{(char)('C' + c)}{row}", 70m);
                }
            }
        });
        var someoneElse = ScoreSheets.Fill(filled, (_, set) => set("B2", ExpertId(5, 2)));

        var missing = await (await staff.PostRawAsync("/api/demands/QL2020-BM-02/scoring", filled, Xlsx)).JsonAsync();
        var mismatch = await (await expert.PostRawAsync("/api/demands/QL2020-BM-02/scoring", someoneElse, Xlsx)).JsonAsync();
        var stranger = ScoreSheets.Fill(filled, (_, set) => set("B2", "expert-nowhere"));
        var notOnPanel = await (await staff.PostRawAsync("/api/demands/QL2020-BM-02/scoring", stranger, Xlsx)).JsonAsync();

        Assert.Equal(("B2", "expert-missing"), Only(missing));
        Assert.Equal(("B2", "expert-mismatch"), Only(mismatch));
        Assert.Equal(("B2", "expert-not-on-panel"), Only(notOnPanel));
    }

    [Fact]
    public async Task Expert_off_the_panel_gets_no_workbook_and_criteria_cannot_change_once_scored()
    {
        using var expert = await factory.ExpertAsync(ExpertId(0, 0));
        using var staff = await factory.StaffAsync();

        var refused = await expert.GetAsync("/api/demands/QL2020-BM-02/scoring/workbook");
        var change = await staff.PutAsJsonAsync("/api/rounds/2020-01/scoring/criteria", new[] { new { key = "all", name = "综合", weight = 100 } });
        var invalid = await staff.PutAsJsonAsync("/api/rounds/demo/scoring/criteria", new[] { new { key = "a", name = "甲", weight = 60 } });

        Assert.Equal("not-on-panel", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("scoring-started", (await change.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("invalid-criteria", (await invalid.JsonAsync()).GetProperty("code").GetString());
        var criteria = await staff.GetFromJsonAsync<JsonElement>("/api/rounds/2020-01/scoring/criteria");
        Assert.Equal(100m, criteria.EnumerateArray().Sum(c => c.GetProperty("weight").GetDecimal()));
    }

    private static (string?, string?) Only(JsonElement problem)
    {
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray());
        return (finding.GetProperty("cell").GetString(), finding.GetProperty("code").GetString());
    }
}
