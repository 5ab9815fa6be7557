using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>A locked or full store answers 503 with Retry-After and keeps nothing of the refused submission.</summary>
public sealed class StoreUnavailableTests : IDisposable
{
    private readonly ServiceFactory _factory = new();
    private readonly SqliteSizeCap _cap = new();
    private readonly WebApplicationFactory<Program> _host;

    public StoreUnavailableTests() =>
        // A one-second lock wait keeps the test short; the interceptor can make the SQLite store full on demand.
        _host = _factory.WithWebHostBuilder(b => b
            .UseSetting("Storage:BusyTimeoutSeconds", "1")
            .ConfigureServices(s => s.ConfigureDbContext<SqliteDocsDbContext>(o => o.AddInterceptors(_cap))));

    [Fact]
    public async Task Locked_store_answers_503_with_Retry_After_then_takes_the_submission_once_released()
    {
        using var client = await _host.ApplicantAsync();
        var form = await Submissions.FormAsync(client);

        var clock = Stopwatch.StartNew();
        var refused = await SubmitWhileAsync(client, form, () => StoreFaults.HoldWriteLockAsync(_factory.Database));

        await AssertUnavailableAsync(refused);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        await AssertAcceptedAsFirstAsync(client, form);
    }

    [Fact]
    public async Task Submit_that_waits_for_its_turn_longer_than_the_busy_timeout_answers_503_and_keeps_nothing()
    {
        using var client = await _host.ApplicantAsync();
        var form = await Submissions.FormAsync(client);

        var clock = Stopwatch.StartNew();
        var refused = await SubmitWhileAsync(client, form, () => StoreFaults.HoldSubmitTurnAsync(_factory.Database, _host.Services, SampleProgramme.DemandId));

        await AssertUnavailableAsync(refused);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        Assert.Equal(0, _host.Services.GetRequiredService<WriteGate>().Waiting);
        await AssertAcceptedAsFirstAsync(client, form);
    }

    [Fact]
    public async Task Full_store_answers_503_not_500_and_keeps_nothing_of_the_submission()
    {
        using var client = await _host.ApplicantAsync();
        var form = await Submissions.FormAsync(client);

        var refused = await SubmitWhileAsync(client, form, () => StoreFaults.FillAsync(_factory.Database, _cap));

        await AssertUnavailableAsync(refused);
        await AssertAcceptedAsFirstAsync(client, form);
    }

    /// <summary>Submits the form while <paramref name="fault"/> holds, and releases it before answering.</summary>
    private static async Task<HttpResponseMessage> SubmitWhileAsync(HttpClient client, byte[] form, Func<Task<IAsyncDisposable>> fault)
    {
        await using (await fault())
        {
            return await client.PostMultipartAsync("/api/applications", form);
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ProblemHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.JsonAsync();
        Assert.Equal("store-unavailable", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("message").GetString()));
    }

    /// <summary>Nothing of the refused attempt is stored: the next submit is version 1 with the demand's first receipt.</summary>
    private async Task AssertAcceptedAsFirstAsync(HttpClient client, byte[] form)
    {
        Assert.Empty(await StoredSubmissions.AssertWholeAsync(_host.Services));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
            Assert.Empty(await db.Applications.ToListAsync());
            Assert.Empty(await db.ReceiptCounters.ToListAsync());
        }

        var accepted = await client.PostMultipartAsync("/api/applications", form);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var receipt = await accepted.JsonAsync();
        Assert.Equal(1, receipt.GetProperty("version").GetInt32());
        Assert.Equal("QL2020-BM-02-0001", receipt.GetProperty("receiptNo").GetString());
        Assert.Single(await StoredSubmissions.AssertWholeAsync(_host.Services));
    }

    public void Dispose()
    {
        _host.Dispose();
        _factory.Dispose();
    }
}
