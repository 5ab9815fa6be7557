using System.Diagnostics;

namespace StrongChain.Docs.Testing;

/// <summary>Runs poppler's command-line tools (pdftotext, pdfinfo, pdffonts, pdftoppm) on a PDF file.</summary>
public static class Poppler
{
    public static Task<string> RunAsync(string program, params string[] arguments) => RunAsync(program, allowFailure: false, arguments);

    /// <summary>Runs a program; with <paramref name="allowFailure"/> its output (stdout then stderr) is returned whatever its exit code.</summary>
    public static async Task<string> RunAsync(string program, bool allowFailure, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (allowFailure)
        {
            return await output + await error;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>What poppler's pdfsig says of a PDF held in memory (it exits non-zero for an invalid or missing signature).</summary>
    public static Task<string> PdfsigAsync(byte[] pdf) => WithFileAsync(pdf, path => RunAsync("pdfsig", allowFailure: true, path));

    /// <summary>The text of a PDF held in memory.</summary>
    public static Task<string> TextAsync(byte[] pdf) => WithFileAsync(pdf, TextAsync);

    /// <summary>Writes the bytes to a temporary file for a command-line tool, and deletes it after.</summary>
    public static async Task<T> WithFileAsync<T>(byte[] pdf, Func<string, Task<T>> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text of a PDF in reading order (no layout), for "contains" checks.</summary>
    public static Task<string> TextAsync(string pdf) => RunAsync("pdftotext", pdf, "-");

    /// <summary>Page sizes in points, one per page.</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> PageSizesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", "-f", "1", "-l", "9999", pdf);
        return [.. info.Split('\n')
            .Where(l => l.StartsWith("Page ", StringComparison.Ordinal) && l.Contains(" size:", StringComparison.Ordinal))
            .Select(l =>
            {
                var parts = l[(l.IndexOf("size:", StringComparison.Ordinal) + 5)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            })];
    }

    /// <summary>Each font of the PDF with its 'emb' column (pdffonts).</summary>
    public static async Task<IReadOnlyList<(string Name, bool Embedded)>> FontsAsync(string pdf)
    {
        var lines = (await RunAsync("pdffonts", pdf)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Header, dashes, then rows: name type encoding emb sub uni object ID; the type may have spaces, so read from the right.
        return [.. lines.Skip(2).Select(l =>
        {
            var columns = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (columns[0], columns[^5] == "yes");
        })];
    }
}
