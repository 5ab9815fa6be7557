using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Templates;

/// <summary>Renders the template with LibreOffice (another consumer of our .docx, through the service's renderer and font aliases) and reads the PDF text back.</summary>
public sealed class LibreOfficeRenderingTests
{
    [Fact]
    public async Task Template_renders_to_a_pdf_with_its_chinese_title_sections_and_demand()
    {
        var work = Directory.CreateTempSubdirectory("sc-template-");
        try
        {
            using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = Path.Combine(work.FullName, "renderer") });
            var pdf = Path.Combine(work.FullName, "template.pdf");
            await File.WriteAllBytesAsync(pdf, await renderer.RenderAsync(ApplicationFormTemplate.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm), CancellationToken.None));

            var text = await Poppler.RunAsync("pdftotext", "-layout", pdf, "-");
            Assert.Contains("揭榜任务申报书", text, StringComparison.Ordinal);
            Assert.Contains(SampleProgramme.DemandTitle, text, StringComparison.Ordinal);
            Assert.Contains("统一社会信用代码", text, StringComparison.Ordinal);
            Assert.Contains("经费预算", text, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
