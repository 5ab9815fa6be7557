using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Applications;

/// <summary>Applying without Word: a record (as the browser form sends it) checked, turned into a .docx and submitted.</summary>
public sealed class RecordTests : IDisposable
{
    private const string Url = "?demandId=" + SampleProgramme.DemandId;
    private readonly ServiceFactory _factory = new();

    [Fact]
    public async Task Checking_a_record_answers_as_checking_its_docx_with_only_the_seal_left_to_affix()
    {
        using var client = _factory.CreateClient();
        var word = await CheckDocxAsync(client, TestAssets.Read(TestForms.CompleteValid));
        var record = WebRecord(word);

        var answer = await (await client.PostAsJsonAsync("/api/applications/check-record" + Url, record)).JsonAsync();

        Assert.True(answer.GetProperty("complete").GetBoolean());
        Assert.True(answer.GetProperty("eligible").GetBoolean());
        Assert.Equal(record.ToJsonString(), JsonNode.Parse(answer.GetProperty("record").GetRawText())!.ToJsonString());
        var finding = Assert.Single(answer.GetProperty("findings").EnumerateArray());
        Assert.Equal("seal-missing", finding.GetProperty("code").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task The_docx_made_from_a_record_checks_exactly_as_the_record_does()
    {
        using var client = _factory.CreateClient();
        var record = WebRecord(await CheckDocxAsync(client, TestAssets.Read(TestForms.CompleteValid)));

        var response = await client.PostAsJsonAsync("/api/applications/from-record" + Url, record);
        var docx = await response.Content.ReadAsByteArrayAsync();
        var fromDocx = await CheckDocxAsync(client, docx);
        var fromRecord = await (await client.PostAsJsonAsync("/api/applications/check-record" + Url, record)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Http.Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fromRecord.GetRawText(), fromDocx.GetRawText());
    }

    [Fact]
    public async Task An_empty_record_is_checked_like_an_empty_form_not_refused()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/applications/check-record" + Url, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.False(answer.GetProperty("complete").GetBoolean());
        Assert.Contains(answer.GetProperty("findings").EnumerateArray(), f => f.GetProperty("field").GetString() == "applicant.name" && f.GetProperty("code").GetString() == "required");
        Assert.Equal(SampleProgramme.DemandId, answer.GetProperty("record").GetProperty("demand").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Control_characters_in_a_record_do_not_break_the_docx()
    {
        using var client = _factory.CreateClient();
        var body = """{"applicant":{"name":"示例\u0001公司\r\n第二行"},"plan":{"indicators":[{"name":"精度","target":null}]}}""";

        var answer = await (await client.PostAsync("/api/applications/check-record" + Url, new StringContent(body, Encoding.UTF8, "application/json"))).JsonAsync();

        Assert.Equal("示例公司\n第二行", answer.GetProperty("record").GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(1, answer.GetProperty("record").GetProperty("plan").GetProperty("indicators").GetArrayLength());
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "demand-required")]
    [InlineData("?demandId=QL2020-XX-99", HttpStatusCode.NotFound, "unknown-demand")]
    public async Task A_record_needs_a_known_demand(string query, HttpStatusCode status, string code)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/applications/check-record" + query, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_record_submitted_by_the_applicant_is_stored_as_its_docx_and_reads_back_identical()
    {
        using var client = await _factory.ApplicantAsync();
        var record = WebRecord(await CheckDocxAsync(client, TestAssets.Read(TestForms.CompleteValid)));

        var response = await client.PostAsJsonAsync("/api/applications/record" + Url, record);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.JsonAsync();
        Assert.Equal("QL2020-BM-02-0001", receipt.GetProperty("receiptNo").GetString());
        var stored = await client.GetByteArrayAsync($"/api/applications/{receipt.GetProperty("id").GetString()}/document");
        var readBack = await CheckDocxAsync(client, stored);
        Assert.Equal(record.ToJsonString(), JsonNode.Parse(readBack.GetProperty("record").GetRawText())!.ToJsonString());
    }

    [Fact]
    public async Task Submitting_a_record_follows_the_rules_of_submitting_a_form()
    {
        using var anonymous = _factory.CreateClient();
        using var other = await _factory.ApplicantAsync(Submissions.CreditCode(1));
        var record = WebRecord(await CheckDocxAsync(anonymous, TestAssets.Read(TestForms.CompleteValid)));

        var unauthenticated = await anonymous.PostAsJsonAsync("/api/applications/record" + Url, record);
        var mismatch = await other.PostAsJsonAsync("/api/applications/record" + Url, record);
        var incomplete = await other.PostAsync("/api/applications/record" + Url, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("organisation-mismatch", (await mismatch.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal("form-has-errors", (await incomplete.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_demand_that_has_not_passed_review_hands_out_no_form_from_a_record()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
            var staff = new Actor("test-staff", Actor.StaffRole, null);
            await store.UpsertRoundDemandsAsync(DemandSamples.FirstRound.Id,
                [DemandSamples.Published[0] with { Id = "PEND-09", RoundId = DemandSamples.FirstRound.Id, ReviewStatus = Demand.Pending }], staff, default);
        }

        using var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/applications/from-record?demandId=PEND-09", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("demand-not-published", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The record of a check as the browser would hold it: no seal (a web form cannot affix one).</summary>
    private static JsonNode WebRecord(JsonElement check)
    {
        var record = JsonNode.Parse(check.GetProperty("record").GetRawText())!;
        record["signature"]!["sealPresent"] = false;
        return record;
    }

    private static async Task<JsonElement> CheckDocxAsync(HttpClient client, byte[] docx)
    {
        var response = await client.PostMultipartAsync("/api/applications/check", docx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
