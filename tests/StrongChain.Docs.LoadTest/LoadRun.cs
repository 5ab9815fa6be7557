using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.LoadTest;

/// <summary>One phase's figures.</summary>
public sealed record PhaseResult(
    string Name, int Requests, int Errors, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, string? FirstError, TimeSpan? ServiceCpu, TimeSpan ClientCpu);

/// <summary>
/// Warm-up, then checks, then submits, each by <see cref="LoadOptions.Clients"/> concurrent clients, repeated for
/// <see cref="LoadOptions.Rounds"/> rounds: the first round is what users meet just after a start (the JIT still tiering up), the later ones the warm service.
/// </summary>
public sealed class LoadRun(LoadOptions options)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string DemoDemand = "DEMO-BM-02";

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = options.Url,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<IReadOnlyList<PhaseResult>> RunAsync()
    {
        // The benchmark's form (Word quirks, one joint applicant): what a check usually gets.
        var checkForm = TestAssets.Read(TestForms.WordQuirks);
        var submitters = await SubmittersAsync();

        // Warm-up: each path's first use after a start (JIT, EF Core's first SaveChanges) is not what the phases measure.
        await PhaseAsync("warm-up", Math.Min(options.Checks, options.Clients * 20), _ => Check(checkForm));
        await PhaseAsync("warm-up", Math.Min(options.Submits, options.Clients * 2), worker => Submit(submitters[worker]));
        var results = new List<PhaseResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var suffix = options.Rounds == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" (round {round})");
            results.Add(await PhaseAsync("check" + suffix, options.Checks, _ => Check(checkForm)));
            results.Add(await PhaseAsync("submit" + suffix, options.Submits, worker => Submit(submitters[worker])));
        }

        return results;
    }

    /// <summary>CPU time the service process has used so far (when its pid is given), to tell its share from the client's.</summary>
    private TimeSpan? ServiceCpu()
    {
        if (options.ServicePid is not { } pid)
        {
            return null;
        }

        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    private HttpRequestMessage Check(byte[] form) => new(HttpMethod.Post, "/api/applications/check") { Content = Body(form) };

    private static HttpRequestMessage Submit((string Token, byte[] Form) submitter)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = Body(submitter.Form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", submitter.Token);
        return request;
    }

    private static ByteArrayContent Body(byte[] form)
    {
        var content = new ByteArrayContent(form);
        content.Headers.ContentType = new MediaTypeHeaderValue(Docx);
        return content;
    }

    /// <summary>One organisation per client, each with a complete form for the demo round signed today: it resubmits over and over.</summary>
    private async Task<IReadOnlyList<(string Token, byte[] Form)>> SubmittersAsync()
    {
        var template = await _http.GetByteArrayAsync($"/api/templates/application?demandId={DemoDemand}");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var submitters = new List<(string, byte[])>();
        for (var i = 0; i < options.Clients; i++)
        {
            var code = SampleForms.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"91110108MA0{900000 + i:000000}"));
            using var filler = FormFiller.Open(template);
            SampleForms.Fill(filler, SampleForms.CompleteValidValues);
            foreach (var tag in ApplicationForm.Declarations.Select(d => d.Tag))
            {
                filler.Check(tag);
            }

            filler.SetPicture("sign.seal").Set("applicant.creditCode", code).Set("sign.date", today);
            var response = await _http.PostAsJsonAsync("/api/dev/token", new { role = "applicant", creditCode = code });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            submitters.Add((body.RootElement.GetProperty("accessToken").GetString()!, filler.ToBytes()));
        }

        return submitters;
    }

    private async Task<PhaseResult> PhaseAsync(string name, int count, Func<int, HttpRequestMessage> request)
    {
        var next = 0;
        var errors = 0;
        string? firstError = null;
        var latencies = new List<double>[options.Clients];
        var serviceCpu = ServiceCpu();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.MaxSeconds);
        var workers = Enumerable.Range(0, options.Clients).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(count / options.Clients + 1);
            while (Interlocked.Increment(ref next) <= count && stop.Elapsed < limit)
            {
                using var message = request(worker);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await _http.SendAsync(message);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}", null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToList();
        var elapsed = stop.Elapsed;
        return new PhaseResult(name, all.Count, errors, elapsed, all, firstError,
            ServiceCpu() - serviceCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
    }
}
