using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Rendering;

/// <summary>
/// The resident LibreOffice of each renderer worker (real LibreOffice and python3-uno): reused between conversions,
/// restarted when it died or timed out, given up for one soffice process when it cannot run, and gone after Dispose.
/// </summary>
public sealed class ResidentPdfRendererTests : IDisposable
{
    private static readonly byte[] OneDemand = Bulletin(DemandSamples.Published.Take(1));
    private static readonly byte[] LastDemand = Bulletin(DemandSamples.Published.Skip(9));
    private static readonly byte[] FirstBatch = Bulletin(DemandSamples.Published);

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sc-resident-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Resident_conversion_gives_the_chinese_text_and_the_next_one_reuses_the_same_LibreOffice()
    {
        var directory = Path.Combine(_work.FullName, "r");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1 });

        var pdf = await renderer.RenderAsync(FirstBatch, CancellationToken.None);
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));
        var text = NoSpace(await Poppler.TextAsync(pdf));
        Assert.All(DemandSamples.Published, d => Assert.Contains(NoSpace(d.Title), text, StringComparison.Ordinal));
        Assert.Contains("共10项，其中新一代信息技术4项、生物医药6项", text, StringComparison.Ordinal);
        Assert.Equal(1, renderer.ProcessesStarted);
        var office = SofficeBin(directory);

        // A cache miss on the same worker: converted by the LibreOffice already running, no process started.
        await AssertShowsAsync(await renderer.RenderAsync(OneDemand, CancellationToken.None), DemandSamples.Published[0]);
        AssertStartedWithoutFallback(renderer, 1);
        Assert.Equal(office, SofficeBin(directory));
    }

    [Fact]
    public async Task A_resident_LibreOffice_is_replaced_after_the_set_number_of_documents()
    {
        var directory = Path.Combine(_work.FullName, "r");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1, ResidentRecycleAfter = 2 });
        await AssertANewLibreOfficeConvertsAfterAsync(renderer, directory, async _ =>
        {
            await renderer.RenderAsync(FirstBatch, CancellationToken.None);
            Assert.Equal(1, renderer.ProcessesStarted);
        });
    }

    [Fact]
    public async Task Killing_soffice_bin_between_conversions_restarts_it_for_the_next()
    {
        var directory = Path.Combine(_work.FullName, "r");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1 });
        await AssertANewLibreOfficeConvertsAfterAsync(renderer, directory, async office =>
        {
            System.Diagnostics.Process.GetProcessById(office).Kill();
            Assert.True(await LiveProcesses.IsGoneAsync(office));
        });
    }

    [Fact]
    public async Task Timeout_in_the_resident_path_kills_both_processes_and_the_next_conversion_starts_afresh()
    {
        // Stand-ins: a LibreOffice that only sleeps (its child's pid recorded) and a helper that says ready, then never answers.
        var childPid = Path.Combine(_work.FullName, "child.pid");
        var helperPid = Path.Combine(_work.FullName, "helper.pid");
        var soffice = StandIns.Script(_work.FullName, "soffice", $"sleep 60 &\necho $! > '{childPid}'\nwait\n");
        var python = StandIns.Script(_work.FullName, "python", $"echo $$ > '{helperPid}'\necho ready\nexec sleep 60\n");
        var directory = Path.Combine(_work.FullName, "r");
        using var renderer = new PdfRenderer(new PdfRendererOptions
        {
            Directory = directory, Workers = 1, Soffice = soffice, Python = python, Timeout = TimeSpan.FromSeconds(2),
        });

        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(OneDemand, CancellationToken.None));
        Assert.Equal(PdfFailure.Timeout, e.Failure);
        Assert.Equal(0, renderer.ResidentFallbacks);
        Assert.True(await LiveProcesses.IsGoneAsync(ReadPid(childPid)), "LibreOffice's child survived the timeout.");
        Assert.True(await LiveProcesses.IsGoneAsync(ReadPid(helperPid)), "The helper survived the timeout.");
        Assert.False(Directory.Exists(renderer.ProfileDirectory(0)));

        // The next conversion does not reuse the killed pair: it starts a new one (which times out the same way).
        File.Delete(childPid);
        await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(LastDemand, CancellationToken.None));
        Assert.Equal(2, renderer.ProcessesStarted);
        Assert.True(File.Exists(childPid));
    }

    [Theory]
    [InlineData("/nonexistent/python3")] // Not installed: found missing before anything starts.
    [InlineData("/bin/false")] // Starts but never connects (as a python without python3-uno): the resident LibreOffice is killed.
    public async Task Without_a_working_helper_each_conversion_falls_back_to_one_soffice_process(string python)
    {
        var directory = Path.Combine(_work.FullName, "r");
        var warnings = new List<string>();
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1, Python = python }, warn: warnings.Add);

        await AssertShowsAsync(await renderer.RenderAsync(OneDemand, CancellationToken.None), DemandSamples.Published[0]);
        Assert.Equal(1, renderer.ResidentFallbacks);
        Assert.Contains("converting with one soffice process instead", Assert.Single(warnings), StringComparison.Ordinal);
        // Nothing of the failed resident is left running beside the finished fallback.
        Assert.Empty(await LiveProcesses.AwaitNoneMentioningAsync(directory));
    }

    [Fact]
    public async Task Two_workers_convert_at_once_each_through_its_own_LibreOffice_and_Dispose_leaves_no_process()
    {
        var directory = Path.Combine(_work.FullName, "r");
        var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 2 });
        try
        {
            var pdfs = await Task.WhenAll(renderer.RenderAsync(OneDemand, CancellationToken.None), renderer.RenderAsync(LastDemand, CancellationToken.None));
            await AssertShowsAsync(pdfs[0], DemandSamples.Published[0]);
            await AssertShowsAsync(pdfs[1], DemandSamples.Published[9]);
            AssertStartedWithoutFallback(renderer, 2);
            // Both stay running, one per worker profile, between conversions.
            Assert.NotEqual(SofficeBin(renderer.ProfileDirectory(0)), SofficeBin(renderer.ProfileDirectory(1)));
        }
        finally
        {
            renderer.Dispose();
        }

        // No soffice, oosplash, soffice.bin or helper still names the renderer's folder.
        Assert.Empty(await LiveProcesses.AwaitNoneMentioningAsync(directory));
    }

    private static byte[] Bulletin(IEnumerable<StrongChain.Docs.Domain.Programme.Demand> demands) =>
        BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, demands));

    /// <summary>The one running soffice.bin whose profile lies under <paramref name="folder"/>.</summary>
    private static int SofficeBin(string folder) =>
        Assert.Single(LiveProcesses.Mentioning(folder), p => p.CommandLine.Contains("soffice.bin", StringComparison.Ordinal)).Pid;

    /// <summary>
    /// Converts one document, runs <paramref name="between"/> with the pid of the soffice.bin that did it, converts another:
    /// a second resident LibreOffice must have done that one (no fallback) and the first must be gone.
    /// </summary>
    private static async Task AssertANewLibreOfficeConvertsAfterAsync(PdfRenderer renderer, string directory, Func<int, Task> between)
    {
        await renderer.RenderAsync(OneDemand, CancellationToken.None);
        var first = SofficeBin(directory);
        await between(first);

        await AssertShowsAsync(await renderer.RenderAsync(LastDemand, CancellationToken.None), DemandSamples.Published[9]);
        AssertStartedWithoutFallback(renderer, 2);
        Assert.True(await LiveProcesses.IsGoneAsync(first));
        Assert.NotEqual(first, SofficeBin(directory));
    }

    private static async Task AssertShowsAsync(byte[] pdf, StrongChain.Docs.Domain.Programme.Demand demand) =>
        Assert.Contains(NoSpace(demand.Title), NoSpace(await Poppler.TextAsync(pdf)), StringComparison.Ordinal);

    /// <summary>So many LibreOffice processes started in all, and every conversion done by a resident one.</summary>
    private static void AssertStartedWithoutFallback(PdfRenderer renderer, int started)
    {
        Assert.Equal(started, renderer.ProcessesStarted);
        Assert.Equal(0, renderer.ResidentFallbacks);
    }

    private static int ReadPid(string path) => int.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
