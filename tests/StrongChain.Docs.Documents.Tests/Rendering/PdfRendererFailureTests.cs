using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Documents.Tests.Support;

namespace StrongChain.Docs.Documents.Tests.Rendering;

/// <summary>What the renderer does when LibreOffice is missing, hangs or writes something that is not a PDF.</summary>
public sealed class PdfRendererFailureTests : IDisposable
{
    private static readonly byte[] Docx = "not really a docx: the stand-in programs below never read it"u8.ToArray();

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sc-renderer-failure-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Missing_LibreOffice_is_unavailable_with_the_install_line()
    {
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(_work.FullName, "r"), Soffice = "no-such-soffice-program" });
        Assert.False(renderer.IsAvailable);
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(Docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Unavailable, e.Failure);
        Assert.Contains("apt-get install libreoffice-writer-nogui fonts-noto-cjk", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, renderer.ProcessesStarted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Timeout_kills_the_whole_process_tree(bool resident)
    {
        // A stand-in soffice that starts a child and waits for it (resident: it never accepts): both must be gone after the timeout.
        var childPid = Path.Combine(_work.FullName, "child.pid");
        var program = StandIns.Script(_work.FullName, "hang", $"sleep 60 &\necho $! > '{childPid}'\nwait\n");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(_work.FullName, "r"), Soffice = program, Timeout = TimeSpan.FromSeconds(1), Resident = resident });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(Docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Timeout, e.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The timeout took {watch.Elapsed}.");

        var pid = int.Parse((await File.ReadAllTextAsync(childPid)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await LiveProcesses.IsGoneAsync(pid), $"The child process {pid} survived the timeout.");
        // The worker's profile, possibly half written when killed, is thrown away.
        Assert.False(Directory.Exists(renderer.ProfileDirectory(0)));
    }

    [Fact]
    public async Task Timeout_kills_a_real_LibreOffice_and_leaves_none_of_its_processes()
    {
        // The whole-tree kill itself is proven by the stand-in above; this checks real LibreOffice leaves nothing running.
        var directory = Path.Combine(_work.FullName, "real");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Timeout = TimeSpan.FromMilliseconds(900) });
        var docx = StrongChain.Docs.Documents.Bulletins.BulletinDocument.Build(StrongChain.Docs.Domain.Bulletins.BulletinContent.Compose(
            StrongChain.Docs.Testing.DemandSamples.FirstRound, StrongChain.Docs.Testing.DemandSamples.Published));

        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Timeout, e.Failure);
        // No process (soffice, oosplash, soffice.bin, the resident helper) still names this renderer's folder on its command line.
        Assert.Empty(await LiveProcesses.AwaitNoneMentioningAsync(directory));
    }

    [Fact]
    public async Task Output_that_is_not_a_pdf_is_refused_even_with_exit_code_0()
    {
        // A stand-in soffice that "converts" into a text file named .pdf and exits 0 (the failure mode of a shared profile).
        var program = StandIns.Script(_work.FullName, "garbage", "for last; do :; done\nprintf 'not a pdf' > \"$(dirname \"$last\")/document.pdf\"\nexit 0\n");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(_work.FullName, "r"), Soffice = program });
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(Docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Failed, e.Failure);
        Assert.Empty(Directory.GetFiles(Path.Combine(_work.FullName, "r", "cache")));
    }
}
