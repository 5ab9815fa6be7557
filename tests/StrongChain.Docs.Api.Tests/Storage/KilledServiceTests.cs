using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>The service process killed while submissions are in flight: after a restart every stored version is whole and every 201 is there.</summary>
public sealed class KilledServiceTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int Workers = 6;
    private const int AcceptedBeforeKill = 15;

    // The in-process host only reads the database; on today's clock so its seeding leaves the demo round open.
    private readonly ServiceFactory _factory = new();
    private ServiceProcess? _service;

    private sealed record Accepted(string Id, int Version, string ReceiptNo, string Sha256, byte[] Form);

    [Fact]
    public async Task Killed_in_the_middle_of_submits_the_store_keeps_whole_submissions_and_every_receipt_given()
    {
        _service = await ServiceProcess.StartAsync(_factory.Database, StartTimeout);
        var signed = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clients = new List<(HttpClient Client, byte[] Form)>();
        for (var i = 0; i < Workers; i++)
        {
            var code = Submissions.CreditCode(300 + (i % 4));
            var client = await ApplicantAsync(_service, code);
            clients.Add((client, await Submissions.FormAsync(client, i % 2 == 0 ? "DEMO-BM-02" : "DEMO-IT-01", code, signDate: signed)));
        }

        var accepted = new ConcurrentBag<Accepted>();
        var inFlightAtKill = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = clients.Select(c => Task.Run(async () =>
        {
            while (true)
            {
                HttpResponseMessage response;
                try
                {
                    response = await c.Client.PostMultipartAsync("/api/applications", c.Form);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref inFlightAtKill);
                    return;
                }

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.JsonAsync();
                accepted.Add(new Accepted(body.GetProperty("id").GetString()!, body.GetProperty("version").GetInt32(),
                    body.GetProperty("receiptNo").GetString()!, body.GetProperty("sha256").GetString()!, c.Form));
                if (accepted.Count >= AcceptedBeforeKill)
                {
                    enough.TrySetResult();
                }
            }
        })).ToList();

        Assert.Same(enough.Task, await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(60))));
        _service.Kill();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(inFlightAtKill > 0, "No submit was in flight when the process was killed.");

        _service.Dispose();
        _service = await ServiceProcess.StartAsync(_factory.Database, StartTimeout);
        using var after = await ApplicantAsync(_service, Submissions.CreditCode(300));
        var again = await after.PostMultipartAsync("/api/applications", clients[0].Form);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        _factory.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var stored = await StoredSubmissions.AssertWholeAsync(_factory.Services);
        var storedKeys = stored.Select(s => (s.ApplicationId, s.Version, s.ReceiptNo, s.Sha256)).ToHashSet();
        Assert.All(accepted, a => Assert.Contains((a.Id, a.Version, a.ReceiptNo, a.Sha256), storedKeys));
        Assert.InRange(stored.Count, accepted.Count + 1, accepted.Count + 1 + Workers);

        var sample = accepted.OrderBy(a => a.ReceiptNo, StringComparer.Ordinal).First();
        using var owner = await ApplicantAsync(_service, stored.First(s => s.ApplicationId == sample.Id).CreditCode);
        Assert.Equal(sample.Form, await owner.GetByteArrayAsync($"/api/applications/{sample.Id}/document?version={sample.Version}"));
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }

    private static async Task<HttpClient> ApplicantAsync(ServiceProcess service, string creditCode)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Submissions.TokenAsync(client, "applicant", creditCode));
        return client;
    }

    public void Dispose()
    {
        _service?.Dispose();
        _factory.Dispose();
    }
}
