using System.Diagnostics;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Rendering;

/// <summary>The PDF pool with real LibreOffice: two conversions at once (made once for the class), then what reuses them.</summary>
public sealed class PdfRendererTests(PdfRendererTests.TwoConversions pool) : IClassFixture<PdfRendererTests.TwoConversions>
{
    [Fact]
    public void Two_concurrent_conversions_both_succeed_in_separate_profiles()
    {
        Assert.All(pool.Pdfs, pdf => Assert.True(pdf.AsSpan().StartsWith("%PDF"u8)));
        Assert.NotEqual(pool.Pdfs[0], pool.Pdfs[1]);
        Assert.Equal(2, pool.ProcessesForTheTwo);
        // Both workers ran, each in its own LibreOffice profile.
        Assert.True(Directory.Exists(Path.Combine(pool.Renderer.ProfileDirectory(0), "user")));
        Assert.True(Directory.Exists(Path.Combine(pool.Renderer.ProfileDirectory(1), "user")));
        Assert.True(pool.Overlapped, "The two conversions did not run at the same time.");
    }

    [Fact]
    public async Task Cache_hit_returns_the_same_bytes_without_another_process()
    {
        var started = pool.Renderer.ProcessesStarted;
        var again = await pool.Renderer.RenderAsync(pool.Docx[0], CancellationToken.None);
        Assert.Equal(pool.Pdfs[0], again);
        Assert.Equal(started, pool.Renderer.ProcessesStarted);
    }

    [Fact]
    public async Task Cache_on_disk_serves_a_new_renderer_even_without_LibreOffice()
    {
        using var restarted = new PdfRenderer(new PdfRendererOptions { Directory = pool.Directory, Soffice = "/nonexistent/soffice" });
        Assert.False(restarted.IsAvailable);
        Assert.Equal(pool.Pdfs[1], await restarted.RenderAsync(pool.Docx[1], CancellationToken.None));
        Assert.Equal(0, restarted.ProcessesStarted);
    }

    [Fact]
    public void Renderers_sharing_a_folder_never_share_a_profile()
    {
        using var second = new PdfRenderer(new PdfRendererOptions { Directory = pool.Directory });
        Assert.NotEqual(pool.Renderer.ProfileDirectory(0), second.ProfileDirectory(0));
        Assert.NotEqual(pool.Renderer.ProfileDirectory(1), second.ProfileDirectory(0));
    }

    [Fact]
    public async Task Font_aliases_map_songti_fangsong_kaiti_to_serif_and_heiti_to_sans()
    {
        Assert.Contains("<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>", await File.ReadAllTextAsync(pool.Renderer.FontConfigFile), StringComparison.Ordinal);
        foreach (var (family, expected) in new[]
        {
            ("宋体", "Noto Serif CJK SC|Regular"), ("仿宋", "Noto Serif CJK SC|Regular"), ("楷体", "Noto Serif CJK SC|Regular"),
            ("方正小标宋简体", "Noto Serif CJK SC|Bold"), ("黑体", "Noto Sans CJK SC|Regular"),
        })
        {
            var start = new ProcessStartInfo("fc-match") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("--format=%{family[0]}|%{style[0]}");
            start.ArgumentList.Add(family);
            start.Environment["FONTCONFIG_FILE"] = pool.Renderer.FontConfigFile;
            using var process = Process.Start(start)!;
            var match = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(expected, match);
        }
    }

    /// <summary>Two small bulletins converted at once by a fresh two-worker renderer.</summary>
    public sealed class TwoConversions : IAsyncLifetime
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sc-renderer-" + Guid.NewGuid().ToString("N"));

        public PdfRenderer Renderer { get; private set; } = null!;

        public byte[][] Docx { get; } =
        [
            BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published.Take(1))),
            BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published.Skip(9))),
        ];

        public byte[][] Pdfs { get; private set; } = [];

        public int ProcessesForTheTwo { get; private set; }

        public bool Overlapped { get; private set; }

        public async Task InitializeAsync()
        {
            Renderer = new PdfRenderer(new PdfRendererOptions { Directory = Directory, Workers = 2 });
            var spans = new (DateTime Start, DateTime End)[2];
            Pdfs = await Task.WhenAll(Docx.Select(async (docx, i) =>
            {
                var start = DateTime.UtcNow;
                var pdf = await Renderer.RenderAsync(docx, CancellationToken.None);
                spans[i] = (start, DateTime.UtcNow);
                return pdf;
            }));
            ProcessesForTheTwo = Renderer.ProcessesStarted;
            // Each conversion takes seconds; run one after the other they would not overlap by more than a moment.
            var overlap = (spans.Min(s => s.End) - spans.Max(s => s.Start)).TotalSeconds;
            Overlapped = overlap > 0.5;
        }

        public Task DisposeAsync()
        {
            Renderer.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        }
    }
}
