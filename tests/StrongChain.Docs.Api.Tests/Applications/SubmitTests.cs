using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Applications;

/// <summary>Submitting: receipts, versions, the window, the organisation; each test on a store of its own.</summary>
public sealed class SubmitTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    [Fact]
    public async Task Submit_answers_201_with_receipt_version_and_sha256_of_the_exact_bytes()
    {
        using var client = await _factory.ApplicantAsync();
        var form = await Submissions.FormAsync(client);

        var response = await client.PostMultipartAsync("/api/applications", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("QL2020-BM-02-0001", body.GetProperty("receiptNo").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(form)), body.GetProperty("sha256").GetString());
        Assert.Equal("2021-01-15T10:00:00+08:00", body.GetProperty("submittedAt").GetString());
        Assert.Equal($"/api/applications/{body.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Resubmission_makes_version_two_and_keeps_the_first_bytes()
    {
        using var client = await _factory.ApplicantAsync();
        var first = await Submissions.FormAsync(client);
        var second = await Submissions.FormAsync(client, name: "示例智能医疗科技有限公司（更名）");

        var one = await (await client.PostMultipartAsync("/api/applications", first)).JsonAsync();
        var two = await (await client.PostRawAsync("/api/applications", second)).JsonAsync();

        Assert.Equal(one.GetProperty("id").GetString(), two.GetProperty("id").GetString());
        Assert.Equal(2, two.GetProperty("version").GetInt32());
        Assert.Equal("QL2020-BM-02-0002", two.GetProperty("receiptNo").GetString());
        var id = one.GetProperty("id").GetString();
        Assert.Equal(first, await client.GetByteArrayAsync($"/api/applications/{id}/document?version=1"));
        Assert.Equal(second, await client.GetByteArrayAsync($"/api/applications/{id}/document"));
        var detail = await (await client.GetAsync($"/api/applications/{id}")).JsonAsync();
        Assert.Equal([1, 2], detail.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Form_with_errors_is_422_with_findings_and_nothing_stored()
    {
        using var client = await _factory.ApplicantAsync();

        var response = await client.PostMultipartAsync("/api/applications", TestAssets.Read(TestForms.MissingFields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("form-has-errors", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Empty((await (await client.GetAsync("/api/applications")).JsonAsync()).EnumerateArray());
    }

    [Theory]
    [InlineData("2020-12-28T23:59:59+08:00", false)]
    [InlineData("2020-12-29T00:00:00+08:00", true)]
    [InlineData("2021-02-10T23:59:59+08:00", true)]
    [InlineData("2021-02-10T23:59:59.999+08:00", true)]
    [InlineData("2021-02-11T00:00:00+08:00", false)]
    [InlineData("2020-12-28T15:59:59Z", false)]
    [InlineData("2020-12-28T16:00:00Z", true)]
    [InlineData("2021-02-10T15:59:59Z", true)]
    [InlineData("2021-02-10T16:00:00Z", false)]
    public async Task Window_is_enforced_in_Beijing_time_to_the_second(string instant, bool accepted)
    {
        using var client = await _factory.ApplicantAsync();
        var form = await Submissions.FormAsync(client);
        _factory.Clock.AdjustTime(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        var check = await (await client.PostMultipartAsync("/api/applications/check", form)).JsonAsync();
        var response = await client.PostMultipartAsync("/api/applications", form);

        // The check warns exactly when the submit is refused.
        Assert.Equal(!accepted, check.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("code").GetString() == "window-closed"));

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("window-closed", (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Form_of_another_organisation_is_403_organisation_mismatch()
    {
        using var client = await _factory.ApplicantAsync(Submissions.CreditCode(1));

        var response = await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("organisation-mismatch", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_needs_an_applicant_token()
    {
        using var anonymous = _factory.CreateClient();
        using var staff = await _factory.StaffAsync();
        var form = await Submissions.FormAsync(anonymous);

        var unauthenticated = await anonymous.PostMultipartAsync("/api/applications", form);
        var forbidden = await staff.PostMultipartAsync("/api/applications", form);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("unauthorized", (await unauthenticated.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("forbidden", (await forbidden.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Demo_round_takes_submissions_with_its_own_receipts()
    {
        using var client = await _factory.ApplicantAsync();

        var response = await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client, "DEMO-BM-02"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("DEMO-BM-02-0001", (await response.JsonAsync()).GetProperty("receiptNo").GetString());
    }

    [Fact]
    public async Task Today_the_first_batch_is_closed_and_the_demo_round_takes_submissions()
    {
        // The service started on today's clock, as `scripts/run.sh` does: the demo round opens around it.
        _factory.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        using var client = await _factory.ApplicantAsync();

        var historical = await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client));
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var signed = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var demo = await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client, "DEMO-BM-02", signDate: signed));

        Assert.Equal(HttpStatusCode.Conflict, historical.StatusCode);
        Assert.Equal("window-closed", (await historical.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, demo.StatusCode);
        var first = await (await client.GetAsync("/api/rounds/2020-01")).JsonAsync();
        Assert.Equal("2021-02-10T23:59:59+08:00", first.GetProperty("closes").GetString());
        var list = (await (await client.GetAsync("/api/applications")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal("demo", Assert.Single(list).GetProperty("roundId").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
