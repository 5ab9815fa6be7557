using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>LibreOffice as a person runs it from a shell (Calc re-saving a workbook), each run with a fresh profile.</summary>
public static class Soffice
{
    /// <summary>Converts <paramref name="input"/> with <c>soffice --convert-to</c> into <paramref name="outDir"/>; returns the output path.</summary>
    public static async Task<string> ConvertAsync(string input, string filter, string extension, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Poppler.RunAsync("soffice", "--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", filter, "--outdir", outDir, input);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + extension);
        Assert.True(File.Exists(output), $"LibreOffice wrote no {extension} for {Path.GetFileName(input)}.");
        return output;
    }
}
