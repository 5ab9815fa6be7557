using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MimeKit;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Outbox;

/// <summary>Graph off (the default): the archive folder and the .eml outbox stand in, through the same outbox.</summary>
public sealed class LocalOutboxTests : IDisposable
{
    private readonly OutboxServiceFactory _factory = new();

    private string Data => _factory.Database.Directory;

    [Fact]
    public async Task Submission_is_archived_per_round_demand_and_organisation_with_its_check_report()
    {
        using var client = await _factory.ApplicantAsync();
        var form = await Submissions.FormAsync(client);
        var receipt = await (await client.PostMultipartAsync("/api/applications", form)).JsonAsync();

        Assert.Equal(3, await _factory.RunOutboxAsync());

        var folder = Path.Combine(Data, "archive", "2020-01", SampleProgramme.DemandId, SampleForms.ApplicantCreditCode);
        Assert.Equal(form, await File.ReadAllBytesAsync(Path.Combine(folder, "QL2020-BM-02-0001-v1.docx")));
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "QL2020-BM-02-0001-v1-check.json")));
        Assert.Equal("QL2020-BM-02-0001", report.RootElement.GetProperty("receiptNo").GetString());
        Assert.Equal(receipt.GetProperty("sha256").GetString(), report.RootElement.GetProperty("sha256").GetString());
        Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(JsonValueKind.Array, report.RootElement.GetProperty("findings").ValueKind);
        Assert.Equal(SampleForms.ApplicantCreditCode, report.RootElement.GetProperty("record").GetProperty("applicant").GetProperty("creditCode").GetString());
        Assert.Equal(0, await _factory.RunOutboxAsync());
    }

    [Fact]
    public async Task Receipt_is_an_RFC_5322_eml_to_the_contact_address_with_receipt_number_and_sha256()
    {
        using var client = await _factory.ApplicantAsync();
        var form = await Submissions.FormAsync(client);
        await client.PostMultipartAsync("/api/applications", form);

        await _factory.RunOutboxAsync();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(Data, "outbox"), "*.eml"));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(SampleForms.ContactEmail, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("揭榜申报受理回执 QL2020-BM-02-0001", message.Subject);
        Assert.Matches("^[0-9a-f]{32}@strongchain\\.docs$", message.MessageId);
        var body = message.TextBody;
        Assert.Contains("受理编号：QL2020-BM-02-0001", body, StringComparison.Ordinal);
        Assert.Contains("SHA-256：" + Convert.ToHexStringLower(SHA256.HashData(form)), body, StringComparison.Ordinal);
        Assert.Contains("提交时间：2021-01-15 10:00:00 +08:00", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulletin_docx_and_pdf_are_published_to_the_local_library()
    {
        using var staff = await _factory.StaffAsync();
        var bulletin = await (await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" })).JsonAsync();
        var id = bulletin.GetProperty("id").GetString()!;

        Assert.Equal(2, await _factory.RunOutboxAsync());

        var folder = Path.Combine(Data, "published", "2020-01");
        Assert.Equal(await staff.GetByteArrayAsync($"/api/bulletins/{id}.docx"), await File.ReadAllBytesAsync(Path.Combine(folder, $"bulletin-2020-01-{id}.docx")));
        var pdf = await File.ReadAllBytesAsync(Path.Combine(folder, $"bulletin-2020-01-{id}.pdf"));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var status = await (await staff.GetAsync("/api/outbox")).JsonAsync();
        Assert.Equal(2, status.GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Outbox_status_is_for_staff_only_and_counts_each_item()
    {
        using var applicant = await _factory.ApplicantAsync();
        await applicant.PostMultipartAsync("/api/applications", await Submissions.FormAsync(applicant));
        using var staff = await _factory.StaffAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/outbox")).StatusCode);
        var before = await (await staff.GetAsync("/api/outbox")).JsonAsync();
        Assert.Equal("local", before.GetProperty("target").GetString());
        Assert.Equal(3, before.GetProperty("pending").GetInt32());
        Assert.Equal(["archive.check", "archive.form", "mail.receipt"],
            before.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));

        await _factory.RunOutboxAsync();

        var after = await (await staff.GetAsync("/api/outbox?status=done")).JsonAsync();
        Assert.Equal((0, 3, 0), (after.GetProperty("pending").GetInt32(), after.GetProperty("done").GetInt32(), after.GetProperty("failed").GetInt32()));
        Assert.All(after.GetProperty("items").EnumerateArray(), i => Assert.Equal(1, i.GetProperty("attempts").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/outbox?status=lost")).StatusCode);
    }

    [Fact]
    public async Task Decision_is_stored_as_the_status_and_mailed_once_to_the_contact_address()
    {
        using var applicant = await _factory.ApplicantAsync();
        var id = (await (await applicant.PostMultipartAsync("/api/applications", await Submissions.FormAsync(applicant))).JsonAsync()).GetProperty("id").GetString();
        await _factory.RunOutboxAsync();
        using var staff = await _factory.StaffAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "selected" })).StatusCode);
        var invalid = await staff.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "maybe" });
        Assert.Equal("not-a-decision", (await invalid.JsonAsync()).GetProperty("code").GetString());
        var decided = await staff.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "selected" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("selected", (await decided.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("selected", (await (await applicant.GetAsync($"/api/applications/{id}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, await _factory.RunOutboxAsync());
        var mail = Directory.GetFiles(Path.Combine(Data, "outbox"), "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.Subject?.StartsWith("揭榜评审结果", StringComparison.Ordinal) == true);
        Assert.Equal(SampleForms.ContactEmail, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("揭榜评审结果 QL2020-BM-02-0001：入选", mail.Subject);
        Assert.Contains("结果为：入选", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.RunOutboxAsync());
        var unknown = await staff.PostAsJsonAsync($"/api/applications/{Guid.NewGuid():N}/decision", new { decision = "not-selected" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
