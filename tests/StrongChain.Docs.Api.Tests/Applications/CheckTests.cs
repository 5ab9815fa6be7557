using System.Net;
using System.Text.Json;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Applications;

[Collection(ServiceCollection.Name)]
public sealed class CheckTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Complete_form_is_complete_and_eligible_with_its_record()
    {
        var answer = await CheckAsync(TestForms.CompleteValid);

        Assert.Equal("QL2020-BM-02", answer.GetProperty("demandId").GetString());
        Assert.Equal("2020-01", answer.GetProperty("roundId").GetString());
        Assert.Equal("1.0", answer.GetProperty("templateVersion").GetString());
        Assert.Empty(Errors(answer));
        Assert.True(answer.GetProperty("complete").GetBoolean());
        Assert.True(answer.GetProperty("eligible").GetBoolean());

        var record = answer.GetProperty("record");
        Assert.Equal(SampleForms.ApplicantName, record.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(SampleForms.ApplicantCreditCode, record.GetProperty("applicant").GetProperty("creditCode").GetString());
        Assert.Equal(300.00m, record.GetProperty("budget").GetProperty("issuerFunds").GetDecimal());
        Assert.Equal("2021-03-01", record.GetProperty("plan").GetProperty("start").GetString());
        Assert.Equal(1, record.GetProperty("coApplicants").GetArrayLength());
    }

    [Fact]
    public async Task Form_saved_with_Word_quirks_reads_as_complete()
    {
        var answer = await CheckAsync(TestForms.WordQuirks);

        Assert.Empty(Errors(answer));
        var record = answer.GetProperty("record");
        Assert.Equal(SampleForms.ApplicantName, record.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(1, record.GetProperty("coApplicants").GetArrayLength());
    }

    [Fact]
    public async Task Form_whose_custom_xml_part_was_stripped_is_still_identified()
    {
        var answer = await CheckAsync(TestForms.CustomXmlStripped);

        Assert.Equal("QL2020-BM-02", answer.GetProperty("demandId").GetString());
        Assert.True(answer.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Unfilled_fields_come_back_as_required_findings_that_point_at_their_control()
    {
        var answer = await CheckAsync(TestForms.MissingFields);

        Assert.False(answer.GetProperty("complete").GetBoolean());
        var creditCode = Assert.Single(Errors(answer), f => f.GetProperty("field").GetString() == "applicant.creditCode");
        Assert.Equal("required", creditCode.GetProperty("code").GetString());
        Assert.Equal("applicant.creditCode", creditCode.GetProperty("tag").GetString());
        Assert.Equal(0, creditCode.GetProperty("ordinal").GetInt32());
        Assert.Equal("error", creditCode.GetProperty("severity").GetString());
        Assert.Contains("统一社会信用代码", creditCode.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Errors(answer), f => f.GetProperty("field").GetString() == "applicant.name");
    }

    [Fact]
    public async Task Check_after_the_window_warns_that_it_is_closed_but_still_answers()
    {
        var closed = new ServiceFactory();
        closed.Clock.SetUtcNow(DateTimeOffset.Parse("2021-02-11T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        using (closed)
        {
            var response = await closed.CreateClient().PostMultipartAsync("/api/applications/check", TestAssets.Read(TestForms.CompleteValid));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var warning = Assert.Single((await response.JsonAsync()).GetProperty("findings").EnumerateArray(),
                f => f.GetProperty("code").GetString() == "window-closed");
            Assert.Equal("warning", warning.GetProperty("severity").GetString());
        }
    }

    [Theory]
    [InlineData(TestForms.LibreOfficeDocx)]
    [InlineData(TestForms.LibreOfficeOdtDocx)]
    public async Task A_complete_form_saved_by_LibreOffice_comes_back_recovered_with_warnings_not_required_errors(string form)
    {
        var answer = await CheckAsync(form);

        Assert.Empty(Errors(answer));
        Assert.True(answer.GetProperty("complete").GetBoolean());
        var record = answer.GetProperty("record");
        Assert.True(record.GetProperty("recovered").GetBoolean());
        Assert.Equal(SampleForms.ApplicantName, record.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(SampleForms.Foundation, record.GetProperty("plan").GetProperty("foundation").GetString());
        Assert.Equal(3, record.GetProperty("plan").GetProperty("team").GetArrayLength());
        var warnings = answer.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(warnings, w => Assert.Equal("recovered-by-label", w.GetProperty("code").GetString()));
        Assert.All(warnings, w => Assert.Equal(JsonValueKind.Null, w.GetProperty("ordinal").ValueKind));
        Assert.Contains(warnings, w => w.GetProperty("field").GetString() == "budgetItems[3].amount");
    }

    [Fact]
    public async Task A_form_whose_tags_and_tables_are_gone_gets_one_form_structure_lost_error()
    {
        var answer = await CheckAsync(TestForms.LayoutLost);

        var finding = Assert.Single(answer.GetProperty("findings").EnumerateArray());
        Assert.Equal("form-structure-lost", finding.GetProperty("code").GetString());
        Assert.False(answer.GetProperty("complete").GetBoolean());
    }

    private async Task<JsonElement> CheckAsync(string form)
    {
        var response = await _client.PostMultipartAsync("/api/applications/check", TestAssets.Read(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static List<JsonElement> Errors(JsonElement answer) =>
        [.. answer.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error")];
}
