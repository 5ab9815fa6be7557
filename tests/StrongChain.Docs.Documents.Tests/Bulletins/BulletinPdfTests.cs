using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Bulletins;

/// <summary>The first batch's bulletin through the real PDF pipeline (LibreOffice, the shipped font aliases), converted once.</summary>
public sealed class BulletinPdfTests(BulletinPdfTests.FirstBatchPdf pdf) : IClassFixture<BulletinPdfTests.FirstBatchPdf>
{
    [Fact]
    public async Task Pdf_text_holds_every_title_and_the_4_and_6_counts()
    {
        // pdftotext breaks lines where the page does and puts spaces between Chinese and Latin text: compare without whitespace.
        var text = NoSpace(await Poppler.TextAsync(pdf.Path));
        Assert.All(DemandSamples.Published, d => Assert.Contains(NoSpace(d.Title), text, StringComparison.Ordinal));
        Assert.Contains("共10项，其中新一代信息技术4项、生物医药6项", text, StringComparison.Ordinal);
        Assert.Contains("中关村科技园区管理委员会", text, StringComparison.Ordinal);
        Assert.Contains("中科园发〔2020〕1号", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_is_A4()
    {
        var pages = await Poppler.PageSizesAsync(pdf.Path);
        Assert.True(pages.Count >= 3, $"Only {pages.Count} pages.");
        // A4 is 595.28 × 841.89 pt.
        Assert.All(pages, p => Assert.True(Math.Abs(p.Width - 595.3) < 1 && Math.Abs(p.Height - 841.9) < 1, $"Page of {p.Width} × {p.Height} pt."));
    }

    [Fact]
    public async Task Every_font_is_embedded_and_the_chinese_faces_are_serif_and_sans()
    {
        var fonts = await Poppler.FontsAsync(pdf.Path);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded."));
        // 仿宋/宋体/小标宋/楷体 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC (headings): not one fallback for all.
        Assert.Contains(fonts, f => f.Name.Contains("NotoSerifCJK", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Name.Contains("NotoSansCJK", StringComparison.Ordinal));
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>One conversion for the class: each takes seconds on two cores.</summary>
    public sealed class FirstBatchPdf : IAsyncLifetime
    {
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sc-bulletin-pdf-");

        public string Path { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var docx = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
            using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = System.IO.Path.Combine(_work.FullName, "renderer") });
            Path = System.IO.Path.Combine(_work.FullName, "first-batch.pdf");
            await File.WriteAllBytesAsync(Path, await renderer.RenderAsync(docx, CancellationToken.None));
        }

        public Task DisposeAsync()
        {
            _work.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }
}
