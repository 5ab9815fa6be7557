using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Templates;

/// <summary>Renders the template with LibreOffice (another consumer of our .docx) and reads the PDF text back.</summary>
public sealed class LibreOfficeRenderingTests
{
    [Fact]
    public async Task Template_renders_to_a_pdf_with_its_chinese_title_sections_and_demand()
    {
        var work = Directory.CreateTempSubdirectory("sc-template-");
        try
        {
            var docx = Path.Combine(work.FullName, "template.docx");
            await File.WriteAllBytesAsync(docx, ApplicationFormTemplate.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm));

            var pdf = await Soffice.ConvertAsync(docx, "pdf", "pdf", work.FullName);
            Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdf))[..4]);

            var text = await Soffice.RunAsync("pdftotext", null, ["-layout", pdf, "-"]);
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
