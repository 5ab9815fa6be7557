using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Storage;
using Xunit.Abstractions;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>
/// Two service processes on one PostgreSQL, each with its own data folder (renderer cache, local deliveries): submits to both
/// keep receipts unique and gap-free, each outbox item is delivered once (a file in exactly one instance's folders), a bulletin
/// made on one is served by the other; then one is killed mid-load: nothing it answered 201 is lost and the other goes on,
/// delivering what the dead one held once its lease ran out. Figures: docs/performance.md.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);
    private static readonly string[] Demands = ["DEMO-BM-02", "DEMO-IT-01"];
    private const int ClientsPerInstance = 4;
    private const int SubmitsPerClient = 10;
    private const int AcceptedOnABeforeKill = 8;
    private const int SubmitsOnBAfterKill = 3;

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly List<ServiceProcess> _services = [];
    private ServiceProvider? _store;

    private sealed record Loop(int Instance, HttpClient Client, byte[] Form);

    private sealed record Answer(string Id, int Version, string ReceiptNo, string Sha256);

    [PostgresFact]
    public async Task Two_instances_share_receipts_outbox_and_bulletins_and_one_killed_mid_load_loses_nothing()
    {
        // One Development token key for both (as a deployment configures one Entra app): a token works on either instance.
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var a = ServiceProcess.StartAsync(_database, StartTimeout, Settings("a", key));
        var b = ServiceProcess.StartAsync(_database, StartTimeout, Settings("b", key));
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            _services.AddRange(new[] { a, b }.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        _store = StoreServices();
        var loops = await LoopsAsync();

        // 1. Both alive: every client submits SubmitsPerClient times, the clients of both instances at once.
        var watch = Stopwatch.StartNew();
        var first = (await Task.WhenAll(loops.Select(l => Task.Run(async () =>
        {
            var answers = new List<Answer>();
            for (var i = 0; i < SubmitsPerClient; i++)
            {
                answers.Add(await SubmitAsync(l));
            }

            return answers;
        })))).SelectMany(x => x).ToList();
        watch.Stop();
        var perSecond = first.Count / watch.Elapsed.TotalSeconds;

        // A bulletin made on one instance is served by the other: the same .docx, and a PDF it renders itself.
        using var staff = await ClientAsync(_services[0], "staff");
        var created = await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bulletin = await created.JsonAsync();
        // LibreOffice on a shared, busy machine: the renderer's own limit (120 s), not the client's default 30 s.
        using var anonymous = new HttpClient { BaseAddress = _services[1].Address, Timeout = TimeSpan.FromSeconds(150) };
        var docx = await anonymous.GetByteArrayAsync($"/api/bulletins/{bulletin.GetProperty("id").GetString()}.docx");
        Assert.Equal(bulletin.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(docx)));
        var pdf = await anonymous.GetByteArrayAsync($"/api/bulletins/{bulletin.GetProperty("id").GetString()}.pdf");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        await DrainedAsync();
        var stored = await StoredSubmissions.AssertWholeAsync(_store);
        Assert.Equal(first.Select(x => (x.Id, x.Version, x.ReceiptNo, x.Sha256)).Order(), stored.Select(s => (s.ApplicationId, s.Version, s.ReceiptNo, s.Sha256)).Order());
        var (items, files, duplicates) = await DeliveriesAsync();
        Assert.True(duplicates.Count == 0, "Delivered twice: " + string.Join(", ", duplicates));
        Assert.Equal(items, files.Count);
        Assert.All(new[] { "a", "b" }, n => Assert.Contains(files, f => f.Instance == n));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"both alive: {first.Count} submits in {watch.Elapsed.TotalSeconds:F1} s = {perSecond:F1}/s; {items} outbox items, delivered by a {files.Count(f => f.Instance == "a")}, by b {files.Count(f => f.Instance == "b")}, duplicates {duplicates.Count}"));

        // 2. Instance a killed (SIGKILL) while both take submits; b goes on.
        var accepted = new ConcurrentBag<Answer>();
        var acceptedOnA = 0;
        var inFlightOnA = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = loops.Select(l => Task.Run(async () =>
        {
            var afterKill = 0;
            while (l.Instance == 0 || !killed.Task.IsCompleted || afterKill++ < SubmitsOnBAfterKill)
            {
                Answer answer;
                try
                {
                    answer = await SubmitAsync(l);
                }
                catch (Exception e) when (l.Instance == 0 && e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref inFlightOnA);
                    return;
                }

                accepted.Add(answer);
                if (l.Instance == 0 && Interlocked.Increment(ref acceptedOnA) >= AcceptedOnABeforeKill)
                {
                    enough.TrySetResult();
                }
            }
        })).ToList();

        Assert.Same(enough.Task, await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(90))));
        var pid = _services[0].ProcessId;
        _services[0].Kill();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var held = await OutboxAsync(items => items.CountAsync(i => i.Status == OutboxStatus.Pending && i.ClaimedBy != null
            && i.ClaimedBy.Contains("/" + pid.ToString(CultureInfo.InvariantCulture) + "/") && i.LeaseUntil > now));
        killed.SetResult();
        await Task.WhenAll(second).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(inFlightOnA > 0, "No submit was in flight on the killed instance.");

        await DrainedAsync();
        var after = await StoredSubmissions.AssertWholeAsync(_store);
        var keys = after.Select(s => (s.ApplicationId, s.Version, s.ReceiptNo, s.Sha256)).ToHashSet();
        var answered = first.Concat(accepted).ToList();
        Assert.All(answered, x => Assert.Contains((x.Id, x.Version, x.ReceiptNo, x.Sha256), keys));
        Assert.InRange(after.Count, answered.Count, answered.Count + inFlightOnA);
        var (itemsAfter, filesAfter, duplicatesAfter) = await DeliveriesAsync();
        Assert.Equal(itemsAfter, filesAfter.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count());
        // At least once: only an item the dead instance held (delivered, not yet marked) can be delivered again by b.
        Assert.InRange(duplicatesAfter.Count, 0, held);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a killed: {accepted.Count} more 201s ({acceptedOnA} on a, {accepted.Count - acceptedOnA} on b), {inFlightOnA} in flight on a; lost 0; {itemsAfter} items, all done; held by a at the kill {held}, delivered twice {duplicatesAfter.Count}"));
    }

    private Dictionary<string, string> Settings(string instance, string key) => new()
    {
        ["Storage:DataDirectory"] = Path.Combine(_database.Directory, instance),
        ["Identity:DevSigningKey"] = key,
        ["Outbox:PollSeconds"] = "0.2",
        ["Outbox:LeaseSeconds"] = "5",
        ["Outbox:BatchSize"] = "50",
    };

    /// <summary>Organisations spread over both instances and both demands, so each demand's receipts are drawn from both.</summary>
    private async Task<List<Loop>> LoopsAsync()
    {
        var signed = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var loops = new List<Loop>();
        for (var i = 0; i < 2 * ClientsPerInstance; i++)
        {
            var code = Submissions.CreditCode(500 + i);
            var client = await ClientAsync(_services[i % 2], "applicant", code);
            loops.Add(new Loop(i % 2, client, await Submissions.FormAsync(client, Demands[i / 2 % 2], code, signDate: signed)));
        }

        return loops;
    }

    private static async Task<Answer> SubmitAsync(Loop loop)
    {
        var response = await loop.Client.PostMultipartAsync("/api/applications", loop.Form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        return new Answer(body.GetProperty("id").GetString()!, body.GetProperty("version").GetInt32(),
            body.GetProperty("receiptNo").GetString()!, body.GetProperty("sha256").GetString()!);
    }

    private static async Task<HttpClient> ClientAsync(ServiceProcess service, string role, string? creditCode = null)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Submissions.TokenAsync(client, role, creditCode));
        return client;
    }

    /// <summary>Waits until no outbox item is pending; none may have failed.</summary>
    private async Task DrainedAsync()
    {
        var watch = Stopwatch.StartNew();
        while (await OutboxAsync(items => items.CountAsync(i => i.Status == OutboxStatus.Pending)) > 0)
        {
            Assert.True(watch.Elapsed < DrainTimeout, "The outbox did not drain:\n" + string.Join("\n", _services.Select(s => s.Output)));
            await Task.Delay(200);
        }

        Assert.Equal(0, await OutboxAsync(items => items.CountAsync(i => i.Status == OutboxStatus.Failed)));
    }

    /// <summary>Outbox items, and the files delivered for them in both instances' folders (a path in both is a duplicate).</summary>
    private async Task<(int Items, List<(string Instance, string Path)> Files, List<string> Duplicates)> DeliveriesAsync()
    {
        var items = await OutboxAsync(i => i.CountAsync());
        var files = new List<(string, string)>();
        foreach (var instance in new[] { "a", "b" })
        {
            var root = Path.Combine(_database.Directory, instance);
            foreach (var folder in new[] { "archive", "published", "outbox" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                    .Select(f => (instance, Path.GetRelativePath(root, f))));
            }
        }

        return (items, files, [.. files.GroupBy(f => f.Item2, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)]);
    }

    private async Task<T> OutboxAsync<T>(Func<IQueryable<StrongChain.Docs.Storage.Entities.StoredOutboxItem>, Task<T>> query)
    {
        await using var scope = _store!.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DocsDbContext>().OutboxItems.AsNoTracking());
    }

    /// <summary>The database read directly, not through a third service host (whose outbox worker would deliver too).</summary>
    private ServiceProvider StoreServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_database.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddSingleton(TimeProvider.System).AddDocsStorage(configuration, _database.Directory).BuildServiceProvider();
    }

    public void Dispose()
    {
        foreach (var service in _services)
        {
            service.Dispose();
        }

        _store?.Dispose();
        _database.Dispose();
    }
}
