using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Tests.DemandList;

/// <summary>The first batch's list as the service gives it out (rows with the sources' gaps) imports back unchanged.</summary>
public sealed class FirstBatchRoundTripTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task First_batch_workbook_downloaded_as_it_is_imports_back_unchanged_with_warnings_for_the_kept_gaps()
    {
        var staff = await factory.StaffAsync();
        var before = await staff.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=2020-01", Json);
        var workbook = await (await staff.GetAsync("/api/templates/demands?roundId=2020-01")).Content.ReadAsByteArrayAsync();

        var response = await staff.PostMultipartAsync("/api/demands/import?roundId=2020-01", workbook, "demands.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(10, body.GetProperty("imported").GetInt32());
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "kept-incomplete" && f.GetProperty("column").GetString() == "summary");
        Assert.Equal(before, await staff.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=2020-01", Json));
    }

    [Fact]
    public async Task A_blank_required_cell_of_a_demand_that_has_the_value_stored_is_still_an_error()
    {
        var staff = await factory.StaffAsync();
        var headers = new[] { "id", "sector", "title", "issuer", "issuerCreditCode", "summary", "indicators", "deadlineMonths", "procurement", "contactName", "contactPhone", "reviewStatus" };
        var demo = (await staff.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=demo", Json))![0];
        // The demo demand has a summary stored: blanking it in the list is the list's error, not a kept gap.
        var row = new object?[] { demo.Id, demo.Sector, demo.Title, demo.Issuer, demo.IssuerCreditCode, "", demo.Indicators, demo.DeadlineMonths,
            demo.Procurement, demo.ContactName, demo.ContactPhone, demo.ReviewStatus };

        var response = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=demo", new { headers, rows = new[] { row } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var finding = Assert.Single((await response.JsonAsync()).GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("required", finding.GetProperty("code").GetString());
        Assert.Equal("summary", finding.GetProperty("column").GetString());
    }
}
