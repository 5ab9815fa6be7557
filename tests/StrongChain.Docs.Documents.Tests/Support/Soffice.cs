using System.Diagnostics;

namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>Runs LibreOffice and poppler the way a person would from a shell, bounded in time, each soffice run with a fresh profile.</summary>
public static class Soffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Without aliases 宋体 and 黑体 both fall back to one sans face: map them to the Noto CJK serif and sans.</summary>
    public const string FontConfig = """
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

    /// <summary>Converts <paramref name="input"/> with <c>soffice --convert-to</c> into <paramref name="outDir"/>; returns the output path.</summary>
    public static async Task<string> ConvertAsync(string input, string filter, string extension, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        var fonts = Path.Combine(outDir, "fonts.conf");
        await File.WriteAllTextAsync(fonts, FontConfig);
        try
        {
            await RunAsync("soffice", fonts, ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", filter, "--outdir", outDir, input]);
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

    /// <summary>Runs a program to its end and returns its standard output; fails the test on a non-zero exit or a time-out.</summary>
    public static async Task<string> RunAsync(string program, string? fontConfig, IReadOnlyList<string> arguments)
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
