using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Reports;

/// <summary>
/// Progress reports end to end (issue 12): a consortium formed from a real submission, its milestone's form downloaded, filled
/// by our writer, uploaded as the lead unit; versions, receipts, the archive work in the outbox, and every refusal.
/// </summary>
public sealed class ProgressReportsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static int _next = 300;

    private Task<(string ConsortiumId, string CreditCode)> ConsortiumAsync() => factory.FormedConsortiumAsync(Interlocked.Increment(ref _next));

    private static byte[] Fill(byte[] template, Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>(SampleReports.CompleteValues, StringComparer.Ordinal);
        change?.Invoke(values);
        using var filler = SampleReports.Filled(template, values);
        return filler.ToBytes();
    }

    private static string Url(string consortiumId, int milestone = 1) => $"/api/consortia/{consortiumId}/milestones/{milestone}";

    [Fact]
    public async Task Form_upload_and_receipt_round_trip_keeps_every_version_byte_for_byte_and_queues_its_archive()
    {
        var (id, code) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        var template = await lead.GetByteArrayAsync($"{Url(id)}/report-form");
        var first = Fill(template);
        var second = Fill(template, v => v["report.problems"] = "关节温升偏高，已调整散热方案。");

        var one = await lead.PostMultipartAsync($"{Url(id)}/reports", first, "report.docx");
        var two = await lead.PostRawAsync($"{Url(id)}/reports", second);

        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);
        var receipt1 = (await one.JsonAsync()).GetProperty("receipt");
        var answer2 = await two.JsonAsync();
        var receipt2 = answer2.GetProperty("receipt");
        Assert.Equal((1, $"{id}-R001"), (receipt1.GetProperty("version").GetInt32(), receipt1.GetProperty("receiptNo").GetString()));
        Assert.Equal((2, $"{id}-R002"), (receipt2.GetProperty("version").GetInt32(), receipt2.GetProperty("receiptNo").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), receipt1.GetProperty("sha256").GetString());
        Assert.Equal(TimeSpan.FromHours(8), receipt1.GetProperty("submittedAt").GetDateTimeOffset().Offset);
        Assert.Equal((id, 1, "achieved", 210.50m), (answer2.GetProperty("record").GetProperty("consortiumId").GetString(),
            answer2.GetProperty("record").GetProperty("milestoneNumber").GetInt32(), answer2.GetProperty("record").GetProperty("status").GetString(),
            answer2.GetProperty("record").GetProperty("spendTotal").GetDecimal()));
        Assert.Equal($"{Url(id)}/reports/2.docx", two.Headers.Location?.OriginalString);

        var history = await lead.GetFromJsonAsync<JsonElement>($"{Url(id)}/reports");
        Assert.Equal([1, 2], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("关节温升偏高，已调整散热方案。", history.GetProperty("latest").GetProperty("problems").GetString());
        var v1 = await lead.GetAsync($"{Url(id)}/reports/1.docx");
        Assert.Equal(first, await v1.Content.ReadAsByteArrayAsync());
        Assert.Equal(receipt1.GetProperty("sha256").GetString(), v1.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Equal(second, await lead.GetByteArrayAsync($"{Url(id)}/reports/2.docx"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var archive = await db.OutboxItems.AsNoTracking().Where(o => o.Kind == OutboxKinds.ArchiveProgressReport && o.EntityId == $"{id}-M1").OrderBy(o => o.Version).ToListAsync();
        Assert.Equal([$"2020-01/QL2020-BM-02/{id}/M1/{id}-R001-v1.docx", $"2020-01/QL2020-BM-02/{id}/M1/{id}-R002-v2.docx"], archive.Select(o => o.Target));
        var countersigned = await db.OutboxItems.AsNoTracking().SingleAsync(o => o.Kind == OutboxKinds.ArchiveCountersigned && o.EntityId == id);
        Assert.StartsWith($"2020-01/QL2020-BM-02/{id}/XY-", countersigned.Target, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "report.submit" && a.EntityId == $"{id}-M1"));
        Assert.Equal(2, (await db.ProgressReportVersions.AsNoTracking().Where(v => v.ReportId == $"{id}-M1").Select(v => v.ReceiptNo).ToListAsync()).Distinct().Count());
    }

    [Fact]
    public async Task Word_edited_report_is_stored_with_what_the_person_typed()
    {
        var (id, code) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        using var filler = SampleReports.Filled(await lead.GetByteArrayAsync($"{Url(id)}/report-form"))
            .SplitRunsWithProofErr("contact.name")
            .TrackedInsertion("report.workDone", SampleReports.WorkDoneInserted)
            .TrackedDeletion("report.workDone", "（草稿）")
            .LeaveEmptyRepeatItem("spendItems");

        var response = await lead.PostRawAsync($"{Url(id)}/reports", filler.ToBytes());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var record = (await response.JsonAsync()).GetProperty("record");
        Assert.Equal(SampleReports.CompleteValues["report.workDone"] + SampleReports.WorkDoneInserted, record.GetProperty("workDone").GetString());
        Assert.Equal(SampleReports.ContactName, record.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(2, record.GetProperty("spend").GetArrayLength());
    }

    [Fact]
    public async Task Errors_block_storing_with_findings_and_warnings_are_kept_with_the_report()
    {
        var (id, code) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        var template = await lead.GetByteArrayAsync($"{Url(id)}/report-form");

        var over = await lead.PostRawAsync($"{Url(id)}/reports", Fill(template, v => v["spendItems[0].amount"] = "200.01"));
        var late = await lead.PostRawAsync($"{Url(id)}/reports", Fill(template, v => v["report.achievedOn"] = "2022-01-04"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        var problem = await over.JsonAsync();
        Assert.Equal("report-has-errors", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "spend-over-item"
            && f.GetProperty("field").GetString() == "spendItems[0].amount");
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var answer = await late.JsonAsync();
        Assert.Equal(1, answer.GetProperty("receipt").GetProperty("version").GetInt32());
        Assert.Equal(["milestone-late"], answer.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        var history = await lead.GetFromJsonAsync<JsonElement>($"{Url(id)}/reports");
        Assert.Equal("milestone-late", history.GetProperty("latestFindings")[0].GetProperty("code").GetString());
        Assert.Equal(1, history.GetProperty("versions")[0].GetProperty("warningCount").GetInt32());
    }

    [Fact]
    public async Task Forms_made_for_another_milestone_or_consortium_and_foreign_documents_are_refused_with_their_codes()
    {
        var (id, code) = await ConsortiumAsync();
        var (otherId, _) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        using var staff = await factory.StaffAsync();
        var milestone2 = await lead.GetByteArrayAsync($"{Url(id, 2)}/report-form");
        var other = await staff.GetByteArrayAsync($"{Url(otherId)}/report-form");

        var wrongMilestone = await lead.PostRawAsync($"{Url(id)}/reports", Fill(milestone2));
        var wrongConsortium = await lead.PostRawAsync($"{Url(id)}/reports", Fill(other));
        var application = await lead.PostRawAsync($"{Url(id)}/reports", TestAssets.Read(TestForms.CompleteValid));

        Assert.Equal((HttpStatusCode.Conflict, "report-form-other-milestone"), (wrongMilestone.StatusCode, (await wrongMilestone.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "report-form-other-consortium"), (wrongConsortium.StatusCode, (await wrongConsortium.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "not-a-report-form"), (application.StatusCode, (await application.JsonAsync()).GetProperty("code").GetString()));
        var none = await staff.GetAsync($"{Url(id)}/reports");
        Assert.Equal((HttpStatusCode.NotFound, "no-report"), (none.StatusCode, (await none.JsonAsync()).GetProperty("code").GetString()));
    }

    public static TheoryData<string, HttpStatusCode, string> BadFiles() => new()
    {
        { nameof(BadUploads.MacroEnabled), HttpStatusCode.UnsupportedMediaType, "macro-enabled" },
        { nameof(BadUploads.Encrypted), HttpStatusCode.UnsupportedMediaType, "encrypted" },
        { nameof(BadUploads.PlainText), HttpStatusCode.UnsupportedMediaType, "not-a-docx" },
        { nameof(BadUploads.ZipBomb), HttpStatusCode.RequestEntityTooLarge, "zip-bomb" },
        { nameof(BadUploads.ForeignDocx), HttpStatusCode.BadRequest, "not-a-report-form" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_get_the_same_problems_as_applications_and_nothing_is_stored(string upload, HttpStatusCode status, string code)
    {
        var (id, lead) = await ConsortiumAsync();
        using var client = await factory.ApplicantAsync(lead);
        var bytes = (byte[])typeof(BadUploads).GetProperty(upload)!.GetValue(null)!;
        var application = await client.PostRawAsync("/api/applications/check", bytes);

        var response = await client.PostRawAsync($"{Url(id)}/reports", bytes);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
        if (code != "not-a-report-form")
        {
            Assert.Equal((application.StatusCode, (await application.JsonAsync()).GetProperty("code").GetString()), (response.StatusCode, code));
        }

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DocsDbContext>().ProgressReports.AnyAsync(r => r.ConsortiumId == id));
    }

    [Fact]
    public async Task Only_the_lead_unit_or_staff_submit_and_strangers_do_not_see_the_form()
    {
        var (id, code) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        using var joint = await factory.ApplicantAsync(SampleForms.CoApplicantCreditCode);
        using var stranger = await factory.ApplicantAsync(Submissions.CreditCode(99_998));
        using var staff = await factory.StaffAsync();
        var filled = Fill(await lead.GetByteArrayAsync($"{Url(id)}/report-form"));

        var byJoint = await joint.PostRawAsync($"{Url(id)}/reports", filled);
        var formForStranger = await stranger.GetAsync($"{Url(id)}/report-form");
        var noMilestone = await lead.GetAsync($"{Url(id, 9)}/report-form");
        var byStaff = await staff.PostRawAsync($"{Url(id)}/reports", filled);

        Assert.Equal((HttpStatusCode.Forbidden, "not-lead-unit"), (byJoint.StatusCode, (await byJoint.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "unknown-consortium"), (formForStranger.StatusCode, (await formForStranger.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "unknown-milestone"), (noMilestone.StatusCode, (await noMilestone.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Created, byStaff.StatusCode);
    }

    [Fact]
    public async Task Check_answers_findings_without_storing()
    {
        var (id, code) = await ConsortiumAsync();
        using var lead = await factory.ApplicantAsync(code);
        var filled = Fill(await lead.GetByteArrayAsync($"{Url(id)}/report-form"), v => v.Remove("report.achievedOn"));

        var check = await lead.PostRawAsync($"{Url(id)}/reports/check", filled);

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var answer = await check.JsonAsync();
        Assert.True(answer.GetProperty("hasErrors").GetBoolean());
        Assert.Contains(answer.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "achieved-date-missing");
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DocsDbContext>().ProgressReports.AnyAsync(r => r.ConsortiumId == id));
    }
}
