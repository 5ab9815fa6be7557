using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Dashboard;

/// <summary>
/// A seeded round (60 demands, 600 applications, decisions, agreements, consortia): the dashboard's figures equal counts made
/// here directly from the tables, in memory, by other code than the grouped queries the service runs.
/// </summary>
public sealed class DashboardTests(DashboardTests.SeededService factory) : IClassFixture<DashboardTests.SeededService>
{
    public const string RoundId = "dash";

    /// <summary>The service with the seeded round, seeded once for the class.</summary>
    public sealed class SeededService : ServiceFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            await RoundSeeder.SeedAsync(Services, SampleProgramme.FirstBatch with { Id = RoundId, Name = "看板测试批次" }, 60, 600, 12,
                new DateOnly(2021, 1, 15), CancellationToken.None);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private sealed record Expected(int Demands, int Applications, int Eligible, int Selected, int Drafted, int Signed, decimal Funding, int Overdue, int Pending,
        int OnTime, int Late);

    /// <summary>The counts, straight from the tables: latest versions, approved demands only, milestones by Beijing's calendar.</summary>
    private async Task<Expected> CountAsync(string? sector)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var demands = (await db.Demands.AsNoTracking().Where(d => d.RoundId == RoundId).ToListAsync())
            .Where(d => d.ReviewStatus == "通过" && (sector is null || d.Sector == sector)).Select(d => d.Id).ToHashSet();
        var applications = (await db.Applications.AsNoTracking().Where(a => a.RoundId == RoundId).ToListAsync()).Where(a => demands.Contains(a.DemandId)).ToList();
        var versions = (await db.ApplicationVersions.AsNoTracking().ToListAsync()).ToDictionary(v => (v.ApplicationId, v.Version));
        var agreements = (await db.Agreements.AsNoTracking().Where(a => a.RoundId == RoundId).ToListAsync()).Where(a => demands.Contains(a.DemandId)).ToList();
        var consortia = (await db.Consortia.AsNoTracking().Where(c => c.RoundId == RoundId).ToListAsync()).Where(c => demands.Contains(c.DemandId)).ToList();
        var today = new DateOnly(2021, 1, 15); // the factory's clock, 10:00 in Beijing
        // Date achieved per milestone: the latest report version's, when it says achieved (read from the versions, not the report rows).
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.RoundId == RoundId).ToListAsync();
        var reportVersions = (await db.ProgressReportVersions.AsNoTracking().ToListAsync()).ToDictionary(v => (v.ReportId, v.Version));
        var achieved = reports.Select(r => (r.ConsortiumId, r.MilestoneNumber, Version: reportVersions[(r.Id, r.LatestVersion)]))
            .Where(r => r.Version.Status == "achieved").ToDictionary(r => (r.ConsortiumId, r.MilestoneNumber), r => r.Version.AchievedOn!.Value);
        var milestones = consortia.SelectMany(c => JsonSerializer.Deserialize<List<ConsortiumMilestone>>(c.MilestonesJson, StorageJson.Options)!
            .Select(m => (Due: m.Due!.Value, Achieved: achieved.TryGetValue((c.Id, m.Number), out var on) ? on : (DateOnly?)null))).ToList();
        var dues = milestones.Where(m => m.Achieved is null).Select(m => m.Due).ToList();
        return new Expected(
            demands.Count,
            applications.Count,
            applications.Count(a => versions[(a.Id, a.LatestVersion)] is { Complete: true, Eligible: true }),
            applications.Count(a => a.Status == "selected"),
            agreements.Count,
            consortia.Count,
            consortia.Sum(c => c.SupportAmount),
            dues.Count(d => d < today),
            dues.Count(d => d >= today),
            milestones.Count(m => m.Achieved <= m.Due),
            milestones.Count(m => m.Achieved > m.Due));
    }

    private static Expected Read(JsonElement figures)
    {
        var m = figures.GetProperty("milestones");
        return new Expected(figures.GetProperty("demandsPublished").GetInt32(), figures.GetProperty("applications").GetInt32(),
            figures.GetProperty("eligible").GetInt32(), figures.GetProperty("selected").GetInt32(), figures.GetProperty("agreementsDrafted").GetInt32(),
            figures.GetProperty("agreementsSigned").GetInt32(), figures.GetProperty("fundingCommitted").GetDecimal(), m.GetProperty("overdue").GetInt32(),
            m.GetProperty("pending").GetInt32(), m.GetProperty("onTime").GetInt32(), m.GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task Totals_per_sector_and_per_demand_equal_counts_made_directly_in_the_database()
    {
        using var staff = await factory.StaffAsync();

        var dashboard = await staff.GetFromJsonAsync<JsonElement>($"/api/dashboard?roundId={RoundId}");

        var expected = await CountAsync(null);
        Assert.Equal(expected, Read(dashboard.GetProperty("totals")));
        Assert.True(expected is { Applications: > 400, Selected: > 50, Signed: > 20, Overdue: > 0, Pending: > 0, OnTime: > 0, Late: > 0 }, $"The seed should exercise every figure: {expected}");
        Assert.Equal(expected.Signed, dashboard.GetProperty("totals").GetProperty("consortia").GetInt32());
        Assert.Equal("2021-01-15", dashboard.GetProperty("localDate").GetString());
        foreach (var sector in dashboard.GetProperty("bySector").EnumerateArray())
        {
            Assert.Equal(await CountAsync(sector.GetProperty("sector").GetString()), Read(sector.GetProperty("figures")));
        }

        var rows = dashboard.GetProperty("byDemand").EnumerateArray().ToList();
        Assert.Equal(expected.Demands, rows.Count);
        Assert.Equal(expected.Applications, rows.Sum(r => r.GetProperty("applications").GetInt32()));
    }

    [Fact]
    public async Task Sector_filter_keeps_one_sectors_figures_and_an_unknown_sector_or_round_is_refused()
    {
        using var staff = await factory.StaffAsync();
        const string sector = "生物医药";

        var filtered = await staff.GetFromJsonAsync<JsonElement>($"/api/dashboard?roundId={RoundId}&sector={Uri.EscapeDataString(sector)}");
        var unknownSector = await staff.GetAsync($"/api/dashboard?roundId={RoundId}&sector=农业");
        var unknownRound = await staff.GetAsync("/api/dashboard?roundId=nope");
        using var applicant = await factory.ApplicantAsync();
        var notStaff = await applicant.GetAsync($"/api/dashboard?roundId={RoundId}");

        Assert.Equal(await CountAsync(sector), Read(filtered.GetProperty("totals")));
        Assert.All(filtered.GetProperty("byDemand").EnumerateArray(), d => Assert.Equal(sector, d.GetProperty("sector").GetString()));
        Assert.Equal(2, filtered.GetProperty("sectors").GetArrayLength());
        Assert.Equal((HttpStatusCode.BadRequest, "unknown-sector"), (unknownSector.StatusCode, (await unknownSector.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknownRound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
    }

    [Fact]
    public async Task A_support_budget_below_the_commitments_is_a_warning_and_the_workbook_holds_the_same_figures()
    {
        using var staff = await factory.StaffAsync();
        var expected = await CountAsync(null);
        var budget = Math.Round(expected.Funding / 2, 2);
        (await staff.PutAsJsonAsync($"/api/rounds/{RoundId}/targets", new { consortiumTarget = 40, supportBudget = budget })).EnsureSuccessStatusCode();

        var dashboard = await staff.GetFromJsonAsync<JsonElement>($"/api/dashboard?roundId={RoundId}");
        var xlsx = await staff.GetAsync($"/api/dashboard.xlsx?roundId={RoundId}");

        var warning = Assert.Single(dashboard.GetProperty("warnings").EnumerateArray());
        Assert.Equal("support-budget-exceeded", warning.GetProperty("code").GetString());
        Assert.Contains(budget.ToString("0.00", CultureInfo.InvariantCulture), warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, dashboard.GetProperty("consortiumTarget").GetInt32());
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheets = Sheets(await xlsx.Content.ReadAsByteArrayAsync());
        var total = sheets["概览"].Single(r => r.FirstOrDefault() == "合计");
        Assert.Equal(
            [expected.Demands, expected.Applications, expected.Eligible, expected.Selected, expected.Drafted, expected.Signed, expected.Signed],
            total.Skip(1).Take(7).Select(v => int.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Funding, decimal.Parse(total[8], CultureInfo.InvariantCulture));
        Assert.Contains(sheets["概览"], r => r.FirstOrDefault() == "提醒" && r[1].Contains("超出", StringComparison.Ordinal));
        Assert.Equal(expected.Demands + 1, sheets["需求明细"].Count);

        (await staff.PutAsJsonAsync($"/api/rounds/{RoundId}/targets", new { consortiumTarget = 30, supportBudget = expected.Funding })).EnsureSuccessStatusCode();
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>($"/api/dashboard?roundId={RoundId}")).GetProperty("warnings").EnumerateArray());
    }

    /// <summary>Every sheet's rows as cell texts (inline strings and numbers), read with the Open XML SDK.</summary>
    private static Dictionary<string, List<List<string>>> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList());
    }
}
