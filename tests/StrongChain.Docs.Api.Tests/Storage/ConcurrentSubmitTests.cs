using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>Many submissions at once, through one service host or two on the same database: nothing lost, nothing doubled.</summary>
public sealed class ConcurrentSubmitTests : IDisposable
{
    private static readonly string[] Demands = ["QL2020-BM-02", "QL2020-IT-01", "QL2020-IT-02"];
    private readonly ServiceFactory _factory = new();

    private sealed record Planned(HttpClient Client, byte[] Form);

    private sealed record Answer(HttpStatusCode Status, string Id, int Version, string ReceiptNo, string Sha256);

    [Fact]
    public async Task Fifty_concurrent_submissions_are_all_stored_with_consecutive_versions_and_unique_receipts()
    {
        // One organisation resubmits 20 times to one demand while 30 others apply once each, 10 of them to that demand too.
        var plan = new List<Planned>();
        var repeater = await _factory.ApplicantAsync();
        var repeated = await Submissions.FormAsync(repeater);
        plan.AddRange(Enumerable.Repeat(new Planned(repeater, repeated), 20));
        plan.AddRange(await OthersAsync([_factory], 30, first: 100));

        var answers = await SubmitAllAsync(plan);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(Enumerable.Range(1, 20), answers.Where(a => a.Sha256 == Sha(repeated)).Select(a => a.Version).Order());
        Assert.Equal(50, answers.Select(a => a.ReceiptNo).Distinct(StringComparer.Ordinal).Count());
        await AssertStoredExactlyAsync(answers);
        DisposeAll(plan);
    }

    [Fact]
    public async Task Two_service_instances_on_one_database_submit_concurrently_without_losing_or_doubling()
    {
        // Both hosts start together (migrations and seeding race) and share nothing but the database.
        var second = _factory.WithWebHostBuilder(_ => { });
        await Task.WhenAll(Task.Run(() => _factory.CreateClient().Dispose()), Task.Run(() => second.CreateClient().Dispose()));

        var plan = new List<Planned>();
        var viaFirst = await _factory.ApplicantAsync();
        var viaSecond = await second.ApplicantAsync();
        var form = await Submissions.FormAsync(viaFirst);
        for (var i = 0; i < 12; i++)
        {
            plan.Add(new Planned(i % 2 == 0 ? viaFirst : viaSecond, form));
        }

        plan.AddRange(await OthersAsync([_factory, second], 12, first: 200));

        var answers = await SubmitAllAsync(plan);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(Enumerable.Range(1, 12), answers.Where(a => a.Sha256 == Sha(form)).Select(a => a.Version).Order());
        await AssertStoredExactlyAsync(answers);
        DisposeAll(plan);
    }

    /// <summary>Organisations numbered from <paramref name="first"/>, spread over three demands and over the given hosts.</summary>
    private static async Task<List<Planned>> OthersAsync(IReadOnlyList<WebApplicationFactory<Program>> hosts, int count, int first)
    {
        var plan = new List<Planned>();
        for (var i = 0; i < count; i++)
        {
            var code = Submissions.CreditCode(first + i);
            var client = await hosts[i % hosts.Count].ApplicantAsync(code);
            plan.Add(new Planned(client, await Submissions.FormAsync(client, Demands[i % Demands.Length], code)));
        }

        return plan;
    }

    private static async Task<IReadOnlyList<Answer>> SubmitAllAsync(IReadOnlyList<Planned> plan)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = plan.Select(p => Task.Run(async () =>
        {
            await start.Task;
            var response = await p.Client.PostMultipartAsync("/api/applications", p.Form);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return new Answer(response.StatusCode, "", 0, await response.Content.ReadAsStringAsync(), "");
            }

            var body = await response.JsonAsync();
            return new Answer(response.StatusCode, body.GetProperty("id").GetString()!, body.GetProperty("version").GetInt32(),
                body.GetProperty("receiptNo").GetString()!, body.GetProperty("sha256").GetString()!);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>The database holds exactly the answered submissions, each whole.</summary>
    private async Task AssertStoredExactlyAsync(IReadOnlyList<Answer> answers)
    {
        var stored = await StoredSubmissions.AssertWholeAsync(_factory.Services);
        Assert.Equal(
            answers.Select(a => (a.Id, a.Version, a.ReceiptNo, a.Sha256)).Order(),
            stored.Select(s => (s.ApplicationId, s.Version, s.ReceiptNo, s.Sha256)).Order());
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void DisposeAll(IEnumerable<Planned> plan)
    {
        foreach (var client in plan.Select(p => p.Client).Distinct())
        {
            client.Dispose();
        }
    }

    public void Dispose() => _factory.Dispose();
}
