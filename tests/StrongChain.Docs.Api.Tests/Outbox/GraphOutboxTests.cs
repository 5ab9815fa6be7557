using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Microsoft365;
using StrongChain.Docs.Storage.Outbox;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Outbox;

/// <summary>
/// The service with Graph on, pointed at <see cref="GraphStandIn"/> (real Graph SDK, real Azure.Identity client-secret
/// flow, TLS on loopback): archive, mail, publish, and what an outage, throttling or a lost answer leaves behind.
/// </summary>
public sealed class GraphOutboxTests : IAsyncLifetime
{
    private static readonly string ArchiveFolder = $"申报材料/2020-01/{SampleProgramme.DemandId}/{SampleForms.ApplicantCreditCode}";
    private GraphStandIn _graph = null!;
    private OutboxServiceFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphStandIn.StartAsync();
        _factory = Factory(_graph.Settings());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Submission_is_archived_in_its_round_demand_and_organisation_folder_with_the_exact_bytes()
    {
        var (form, receipt) = await SubmitAsync();

        Assert.Equal(3, await _factory.RunOutboxAsync());

        Assert.Equal(form, _graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1.docx"));
        using var report = JsonDocument.Parse(_graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1-check.json")!);
        Assert.Equal(receipt.GetProperty("sha256").GetString(), report.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(1, _graph.TokensIssued);
        Assert.Empty(_graph.Unknown);
        var status = await StatusAsync();
        Assert.Equal(("graph", 0, 3, 0), (status.GetProperty("target").GetString(), status.GetProperty("pending").GetInt32(),
            status.GetProperty("done").GetInt32(), status.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task Receipt_is_mailed_once_from_the_mailbox_to_the_contact_with_receipt_number_and_sha256()
    {
        var (form, _) = await SubmitAsync();

        await _factory.RunOutboxAsync();
        await _factory.RunOutboxAsync();

        var mail = Assert.Single(_graph.SentMail);
        Assert.Equal("揭榜申报受理回执 QL2020-BM-02-0001", mail["subject"]!.GetValue<string>());
        Assert.Equal(SampleForms.ContactEmail, mail["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal("text", mail["body"]!["contentType"]!.GetValue<string>());
        var body = mail["body"]!["content"]!.GetValue<string>();
        Assert.Contains("受理编号：QL2020-BM-02-0001", body, StringComparison.Ordinal);
        Assert.Contains("SHA-256：" + Convert.ToHexStringLower(SHA256.HashData(form)), body, StringComparison.Ordinal);
        Assert.Matches("^<[0-9a-f]{32}@strongchain\\.docs>$", mail["internetMessageId"]!.GetValue<string>());
        Assert.Contains(_graph.Log, l => l.Request == $"POST /v1.0/users/{GraphStandIn.Mailbox}/sendMail" && l.Status == 202);
    }

    [Fact]
    public async Task Decision_mail_carries_the_decision_letter_as_a_Graph_fileAttachment()
    {
        var (_, receipt) = await SubmitAsync();
        var id = receipt.GetProperty("id").GetString()!;
        await _factory.RunOutboxAsync();
        using var staff = await _factory.StaffAsync();

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "selected" })).StatusCode);
        Assert.Equal(1, await _factory.RunOutboxAsync());

        var mail = _graph.SentMail.Single(m => m["subject"]!.GetValue<string>().StartsWith("揭榜评审结果", StringComparison.Ordinal));
        var attachment = Assert.Single(mail["attachments"]!.AsArray())!;
        Assert.Equal("#microsoft.graph.fileAttachment", attachment["@odata.type"]!.GetValue<string>());
        Assert.Equal("评审结果通知书-QL2020-BM-02-0001.docx", attachment["name"]!.GetValue<string>());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment["contentType"]!.GetValue<string>());
        Assert.Equal(await staff.GetByteArrayAsync($"/api/applications/{id}/decision-letter.docx"), Convert.FromBase64String(attachment["contentBytes"]!.GetValue<string>()));
        Assert.Empty(_graph.Unknown);
    }

    [Fact]
    public async Task Bulletin_docx_and_pdf_are_published_to_the_library_found_on_the_site()
    {
        using var staff = await _factory.StaffAsync();
        var id = (await (await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" })).JsonAsync()).GetProperty("id").GetString()!;

        Assert.Equal(2, await _factory.RunOutboxAsync());

        Assert.Equal(await staff.GetByteArrayAsync($"/api/bulletins/{id}.docx"), _graph.File(GraphStandIn.PublishingDrive, $"2020-01/bulletin-2020-01-{id}.docx"));
        Assert.Equal("%PDF"u8.ToArray(), _graph.File(GraphStandIn.PublishingDrive, $"2020-01/bulletin-2020-01-{id}.pdf")![..4]);
        Assert.Single(_graph.Log, l => l.Request == $"GET /v1.0/sites/{GraphStandIn.PublishingSite}/drives");
        Assert.Empty(_graph.Unknown);
    }

    [Fact]
    public async Task A_Graph_outage_never_blocks_a_submission_and_everything_is_delivered_once_afterwards()
    {
        _graph.Down = true;
        var (form, _) = await SubmitAsync();
        Assert.Equal(3, await _factory.RunOutboxAsync());
        var during = await StatusAsync();
        Assert.Equal(3, during.GetProperty("pending").GetInt32());
        Assert.All(during.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal(1, i.GetProperty("attempts").GetInt32());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("lastError").GetString()));
        });
        Assert.Empty(_graph.Files);

        _graph.Down = false;
        Assert.Equal(0, await _factory.RunOutboxAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, await _factory.RunOutboxAsync());

        Assert.Equal(form, _graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1.docx"));
        Assert.Single(_graph.SentMail);
        Assert.Equal(3, (await StatusAsync()).GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        await SubmitAsync();
        _graph.Fail(1, FaultKind.TooManyRequests, r => r.EndsWith("/sendMail", StringComparison.Ordinal), retryAfterSeconds: 120);

        await _factory.RunOutboxAsync();
        var mail = (await StatusAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "mail.receipt");
        Assert.Equal("pending", mail.GetProperty("status").GetString());
        Assert.Equal(_factory.Clock.GetUtcNow().AddSeconds(120), mail.GetProperty("dueAt").GetDateTimeOffset());

        _factory.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await _factory.RunOutboxAsync());
        _factory.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await _factory.RunOutboxAsync());
        Assert.Single(_graph.SentMail);
    }

    [Fact]
    public async Task A_lost_answer_after_sendMail_or_an_upload_sends_nothing_twice()
    {
        var (form, _) = await SubmitAsync();
        _graph.Fail(1, FaultKind.AnswerLost, r => r.EndsWith("-v1.docx:/content", StringComparison.Ordinal));
        _graph.Fail(1, FaultKind.AnswerLost, r => r.EndsWith("/sendMail", StringComparison.Ordinal));

        Assert.Equal(3, await _factory.RunOutboxAsync());
        Assert.Equal(2, (await StatusAsync()).GetProperty("pending").GetInt32());
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, await _factory.RunOutboxAsync());

        Assert.Single(_graph.SentMail);
        Assert.Single(_graph.Log, l => l.Request.EndsWith("/sendMail", StringComparison.Ordinal));
        Assert.Contains(_graph.Log, l => l.Request.EndsWith("/mailFolders/sentitems/messages", StringComparison.Ordinal));
        Assert.Equal(form, _graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1.docx"));
        Assert.Equal(2, _graph.Files.Count);
        Assert.Equal(3, (await StatusAsync()).GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task A_request_that_hangs_past_the_time_limit_is_retried_later()
    {
        var (form, _) = await SubmitAsync();
        _graph.Fail(1, FaultKind.Hang, r => r.EndsWith("-v1.docx:/content", StringComparison.Ordinal));

        var started = DateTime.UtcNow;
        await _factory.RunOutboxAsync();
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(14));
        var item = (await StatusAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "archive.form");
        Assert.Equal("pending", item.GetProperty("status").GetString());
        Assert.Contains("in time", item.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await _factory.RunOutboxAsync());
        Assert.Equal(form, _graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1.docx"));
    }

    [Fact]
    public async Task A_delivery_that_outlasts_its_lease_renews_it_so_no_other_worker_takes_the_item_over()
    {
        await using var factory = Factory(new Dictionary<string, string?>(_graph.Settings()) { ["Graph:TimeoutSeconds"] = "10" });
        await SubmitAsync(factory);
        _graph.Fail(1, FaultKind.Hang, r => r.EndsWith("-v1.docx:/content", StringComparison.Ordinal));

        var run = factory.RunOutboxAsync();
        await UntilAsync(() => _graph.Arrived.Any(r => r.EndsWith("-v1.docx:/content", StringComparison.Ordinal)));
        // Past the first third of the 5-minute lease: the worker renews; then past the lease it was claimed with.
        var lease = await LeaseUntilAsync(factory);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await UntilAsync(async () => await LeaseUntilAsync(factory) > lease);
        factory.Clock.Advance(TimeSpan.FromMinutes(3.5));

        // Another worker takes whatever is due (the items not yet handled, if any), but not the one being delivered.
        var taken = new List<string>();
        using (var scope = factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            while (await store.ClaimNextAsync("other-worker", TimeSpan.FromMinutes(5), CancellationToken.None) is { } item)
            {
                taken.Add(item.Kind);
            }
        }

        Assert.DoesNotContain("archive.form", taken);
        Assert.InRange(await run, 1, 3);
    }

    private static async Task<long?> LeaseUntilAsync(OutboxServiceFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StrongChain.Docs.Storage.DocsDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.OutboxItems.Where(i => i.Kind == "archive.form").Select(i => i.LeaseUntil));
    }

    private static async Task UntilAsync(Func<bool> condition) => await UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(8);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Items_fail_for_good_after_the_last_attempt_and_staff_see_why()
    {
        await using var factory = Factory(new Dictionary<string, string?>(_graph.Settings()) { ["Outbox:MaxAttempts"] = "2" });
        _graph.Down = true;
        await SubmitAsync(factory);

        await factory.RunOutboxAsync();
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunOutboxAsync();
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await factory.RunOutboxAsync());

        using var staff = await factory.StaffAsync();
        var status = await (await staff.GetAsync("/api/outbox?status=failed")).JsonAsync();
        Assert.Equal(3, status.GetProperty("failed").GetInt32());
        Assert.All(status.GetProperty("items").EnumerateArray(), i => Assert.Equal(2, i.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_by_the_token_endpoint_and_nothing_reaches_Graph()
    {
        await using var factory = Factory(new Dictionary<string, string?>(_graph.Settings()) { ["Graph:ClientSecret"] = "wrong" });
        await SubmitAsync(factory);

        await factory.RunOutboxAsync();

        using var staff = await factory.StaffAsync();
        var items = (await (await staff.GetAsync("/api/outbox")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Contains("AADSTS7000215", i.GetProperty("lastError").GetString(), StringComparison.Ordinal));
        Assert.All(_graph.Log, l => Assert.StartsWith($"POST /{GraphStandIn.Tenant}/oauth2/v2.0/token", l.Request, StringComparison.Ordinal));
        Assert.Equal(0, _graph.TokensIssued);
    }

    [Fact]
    public async Task An_item_held_by_a_worker_that_died_is_taken_over_when_its_lease_runs_out()
    {
        await SubmitAsync();
        ClaimedOutboxItem dead;
        using (var scope = _factory.Services.CreateScope())
        {
            dead = (await scope.ServiceProvider.GetRequiredService<IOutboxStore>().ClaimNextAsync("dead-worker", TimeSpan.FromMinutes(5), CancellationToken.None))!;
        }

        Assert.Equal(2, await _factory.RunOutboxAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(5.1));
        Assert.Equal(1, await _factory.RunOutboxAsync());

        var item = (await StatusAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == dead.Id);
        Assert.Equal(("done", 2), (item.GetProperty("status").GetString(), item.GetProperty("attempts").GetInt32()));
        Assert.Single(_graph.SentMail);
    }

    [Fact]
    public async Task Items_a_worker_delivered_but_died_before_marking_are_delivered_again_without_a_second_mail_or_file()
    {
        var (form, _) = await SubmitAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            // A worker claims and delivers everything, then dies before it can mark a single item done.
            var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            var executor = scope.ServiceProvider.GetRequiredService<Api.Outbox.OutboxExecutor>();
            while (await store.ClaimNextAsync("dying-worker", TimeSpan.FromMinutes(5), CancellationToken.None) is { } item)
            {
                await executor.ExecuteAsync(item, CancellationToken.None);
            }
        }

        Assert.Equal(0, await _factory.RunOutboxAsync());
        _factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(3, await _factory.RunOutboxAsync());

        Assert.Single(_graph.SentMail);
        Assert.Equal(2, _graph.Files.Count);
        Assert.Equal(form, _graph.File(GraphStandIn.ArchiveDrive, $"{ArchiveFolder}/QL2020-BM-02-0001-v1.docx"));
        var status = await StatusAsync();
        Assert.Equal(3, status.GetProperty("done").GetInt32());
        Assert.All(status.GetProperty("items").EnumerateArray(), i => Assert.Equal(2, i.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task Concurrent_workers_claim_each_item_exactly_once()
    {
        for (var n = 1; n <= 8; n++)
        {
            var code = Submissions.CreditCode(n);
            using var client = await _factory.ApplicantAsync(code);
            Assert.Equal(HttpStatusCode.Created, (await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client, creditCode: code))).StatusCode);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            using var scope = _factory.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            while (await store.ClaimNextAsync($"worker-{w}", TimeSpan.FromMinutes(5), CancellationToken.None) is { } item)
            {
                mine.Add(item.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(24, all.Count);
        Assert.Equal(24, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task With_Graph_rendering_PDFs_come_from_Graph_and_LibreOffice_is_not_needed()
    {
        await using var factory = Factory(new Dictionary<string, string?>(_graph.Settings())
        {
            ["Graph:RenderPdf"] = "true",
            ["Rendering:Soffice"] = "/nonexistent/soffice",
        });
        using var staff = await factory.StaffAsync();
        var id = (await (await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" })).JsonAsync()).GetProperty("id").GetString()!;
        var docx = await staff.GetByteArrayAsync($"/api/bulletins/{id}.docx");

        var pdf = await staff.GetByteArrayAsync($"/api/bulletins/{id}.pdf");

        Assert.Equal(GraphStandIn.RenderedPdf(docx), pdf);
        Assert.Contains(_graph.Log, l => l.Request.EndsWith("/content", StringComparison.Ordinal) && l.Status == 302);
        Assert.Contains(_graph.Log, l => l.Request.StartsWith("GET /download/", StringComparison.Ordinal) && l.Status == 200);
        Assert.Empty(_graph.Files);
        Assert.Equal(2, await factory.RunOutboxAsync());
        Assert.Equal(pdf, _graph.File(GraphStandIn.PublishingDrive, $"2020-01/bulletin-2020-01-{id}.pdf"));
        Assert.Empty(_graph.Unknown);
    }

    [Fact]
    public async Task The_timed_worker_loop_delivers_without_being_asked()
    {
        await using var factory = Factory(new Dictionary<string, string?>(_graph.Settings()) { ["Outbox:Worker"] = "true", ["Outbox:PollSeconds"] = "1" });
        await SubmitAsync(factory);

        // The loop waits on the service's clock: move it on until the three items are delivered (bounded in real time).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_graph.SentMail.IsEmpty || _graph.Files.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The worker loop delivered nothing within 30 s.");
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        Assert.Single(_graph.SentMail);
    }

    [Fact]
    public async Task A_refused_submission_queues_nothing()
    {
        using var client = await _factory.ApplicantAsync();

        var response = await client.PostMultipartAsync("/api/applications", TestAssets.Read(TestForms.MissingFields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, (await StatusAsync()).GetProperty("pending").GetInt32());
        Assert.Equal(0, await _factory.RunOutboxAsync());
    }

    private OutboxServiceFactory Factory(IReadOnlyDictionary<string, string?> settings) =>
        new(settings, services => services.Replace(ServiceDescriptor.Singleton(_graph.Transport)));

    private Task<(byte[] Form, JsonElement Receipt)> SubmitAsync() => SubmitAsync(_factory);

    private static async Task<(byte[] Form, JsonElement Receipt)> SubmitAsync(OutboxServiceFactory factory)
    {
        using var client = await factory.ApplicantAsync();
        var form = await Submissions.FormAsync(client);
        var response = await client.PostMultipartAsync("/api/applications", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (form, await response.JsonAsync());
    }

    private async Task<JsonElement> StatusAsync()
    {
        using var staff = await _factory.StaffAsync();
        return await (await staff.GetAsync("/api/outbox")).JsonAsync();
    }
}
