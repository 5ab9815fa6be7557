using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using StrongChain.Docs.Api.Tests.Support;
using Xunit.Abstractions;

namespace StrongChain.Docs.Api.Tests.Deployment;

/// <summary>
/// <c>dotnet publish</c> (its MSBuild target runs the add-in's npm build) gives one folder that is the whole service: started
/// from there in Production it serves the start page, the panes and the web form. About 1–2 minutes, so it runs once (SQLite
/// pass) and alone (its own collection, not in parallel with the other tests).
/// </summary>
[Collection(PublishCollection.Name)]
public sealed partial class PublishTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strongchain-publish-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = TestDatabase.Create();
    private ServiceProcess? _service;

    [SqlitePassFact]
    public async Task The_published_folder_started_alone_serves_the_start_page_the_panes_and_the_web_form()
    {
        var watch = Stopwatch.StartNew();
        var (exit, log) = await PublishAsync();
        output.WriteLine($"dotnet publish: exit {exit} in {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(exit == 0, "dotnet publish failed:\n" + log[Math.Max(0, log.Length - 4000)..]);
        Assert.True(File.Exists(Path.Combine(_folder, "wwwroot", "index.html")), "wwwroot/index.html was not published");

        // Production, the data folder elsewhere: nothing but the published folder is used.
        _service = await ServiceProcess.StartAsync(_database, TimeSpan.FromSeconds(60), dll: Path.Combine(_folder, "StrongChain.Docs.Api.dll"), environment: "Production");
        using var client = _service.CreateClient();
        foreach (var page in new[] { "/", "/word.html", "/excel.html", "/apply.html" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            var assets = Asset().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(assets);
            foreach (var asset in assets)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private async Task<(int Exit, string Log)> PublishAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "service/StrongChain.Docs.Api", "-c", "Release", "-o", _folder, "-p:TreatWarningsAsErrors=true", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild variables would point the child build at the running one's SDK state.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took more than {PublishTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("""(?:src|href)="(/assets/[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Asset();

    public void Dispose()
    {
        _service?.Dispose();
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>Runs after the parallel collections, alone: a publish takes both cores for a minute.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishCollection
{
    public const string Name = "publish";
}
