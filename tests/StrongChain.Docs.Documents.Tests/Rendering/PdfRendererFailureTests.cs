using StrongChain.Docs.Documents.Rendering;

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

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        // A stand-in soffice that starts a child and waits for it: both must be gone after the timeout.
        var childPid = Path.Combine(_work.FullName, "child.pid");
        var program = Script("hang", $"sleep 60 &\necho $! > '{childPid}'\nwait\n");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(_work.FullName, "r"), Soffice = program, Timeout = TimeSpan.FromSeconds(1) });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(Docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Timeout, e.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The timeout took {watch.Elapsed}.");

        var pid = int.Parse((await File.ReadAllTextAsync(childPid)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await IsGoneAsync(pid), $"The child process {pid} survived the timeout.");
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
        // No process (soffice, oosplash, soffice.bin) still names this renderer's folder on its command line.
        for (var i = 0; i < 50 && ProcessesMentioning(directory).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(ProcessesMentioning(directory));
    }

    [Fact]
    public async Task Output_that_is_not_a_pdf_is_refused_even_with_exit_code_0()
    {
        // A stand-in soffice that "converts" into a text file named .pdf and exits 0 (the failure mode of a shared profile).
        var program = Script("garbage", "for last; do :; done\nprintf 'not a pdf' > \"$(dirname \"$last\")/document.pdf\"\nexit 0\n");
        using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(_work.FullName, "r"), Soffice = program });
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(Docx, CancellationToken.None));
        Assert.Equal(PdfFailure.Failed, e.Failure);
        Assert.Empty(Directory.GetFiles(Path.Combine(_work.FullName, "r", "cache")));
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_work.FullName, name + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        // The stand-ins are shell scripts: these tests run where the service does (Linux).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>Live (not zombie) processes whose command line contains <paramref name="text"/>.</summary>
    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }

    /// <summary>Gone, or a zombie waiting to be reaped (it runs no more).</summary>
    private static async Task<bool> IsGoneAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            try
            {
                var text = await File.ReadAllTextAsync(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
