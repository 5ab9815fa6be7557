using System.Diagnostics;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Templates;

/// <summary>Renders the template with LibreOffice (another consumer of our .docx) and reads the PDF text back.</summary>
public sealed class LibreOfficeRenderingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Without aliases 宋体 and 黑体 both fall back to one sans face: map them to the Noto CJK serif and sans.</summary>
    private const string FontConfig = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
          <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
        </fontconfig>
        """;

    [Fact]
    public async Task Template_renders_to_a_pdf_with_its_chinese_title_sections_and_demand()
    {
        var work = Directory.CreateTempSubdirectory("sc-template-");
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var docx = Path.Combine(work.FullName, "template.docx");
            await File.WriteAllBytesAsync(docx, ApplicationFormTemplate.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm));

            var fonts = Path.Combine(work.FullName, "fonts.conf");
            await File.WriteAllTextAsync(fonts, FontConfig);

            await Run("soffice", fonts, ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", work.FullName, docx]);
            var pdf = Path.Combine(work.FullName, "template.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF.");
            Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdf))[..4]);

            var text = await Run("pdftotext", null, ["-layout", pdf, "-"]);
            Assert.Contains("揭榜任务申报书", text, StringComparison.Ordinal);
            Assert.Contains(SampleProgramme.DemandTitle, text, StringComparison.Ordinal);
            Assert.Contains("统一社会信用代码", text, StringComparison.Ordinal);
            Assert.Contains("经费预算", text, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    private static async Task<string> Run(string program, string? fontConfig, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (fontConfig is not null)
        {
            start.Environment["FONTCONFIG_FILE"] = fontConfig;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {Timeout.TotalSeconds} s.");
        }

        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
