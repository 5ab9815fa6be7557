using System.Diagnostics;

namespace StrongChain.Docs.Signing.Tests;

/// <summary>Poppler and LibreOffice as separate processes, bounded in time: an independent reader of what we sign.</summary>
public static class PdfTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>A real PDF with Chinese text, rendered by LibreOffice from a plain text file.</summary>
    public static async Task<byte[]> RenderAsync(string text)
    {
        var work = Directory.CreateTempSubdirectory("sc-sign-");
        try
        {
            var input = Path.Combine(work.FullName, "agreement.txt");
            await File.WriteAllTextAsync(input, text);
            await RunAsync("soffice", ["--headless", $"-env:UserInstallation=file://{work.FullName}/profile", "--convert-to", "pdf", "--outdir", work.FullName, input]);
            return await File.ReadAllBytesAsync(Path.Combine(work.FullName, "agreement.pdf"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>What <c>pdfsig</c> says of a PDF (its exit code is 0 with and without a valid signature, 2 for none).</summary>
    public static async Task<string> PdfsigAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sc-sig-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await RunAsync("pdfsig", [path], allowFailure: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sc-info-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var info = await RunAsync("pdfinfo", [path]);
            var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One page as a 72 dpi grey image (poppler draws annotation appearances, so the signature box shows).</summary>
    public static async Task<GrayImage> RenderGrayAsync(byte[] pdf, int page)
    {
        var work = Directory.CreateTempSubdirectory("sc-render-");
        try
        {
            var path = Path.Combine(work.FullName, "in.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            await RunAsync("pdftoppm", ["-r", "72", "-gray", "-singlefile", "-f", $"{page}", "-l", $"{page}", path, Path.Combine(work.FullName, "page")]);
            return GrayImage.ParsePgm(await File.ReadAllBytesAsync(Path.Combine(work.FullName, "page.pgm")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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

        Assert.True(allowFailure || process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await error}");
        return await output + await error;
    }
}

/// <summary>A binary PGM (P5) image, as pdftoppm -gray writes it.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public static GrayImage ParsePgm(byte[] pgm)
    {
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(pgm, start, at - start));
        }

        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return new GrayImage(width, height, pgm[(at + 1)..(at + 1 + (width * height))]);
    }

    /// <summary>Pixels darker than mid-grey inside a rectangle given as fractions of the page (left, top, right, bottom).</summary>
    public int DarkPixelsIn(double left, double top, double right, double bottom)
    {
        var count = 0;
        for (var y = (int)(top * Height); y < (int)(bottom * Height); y++)
        {
            for (var x = (int)(left * Width); x < (int)(right * Width); x++)
            {
                count += Pixels[(y * Width) + x] < 128 ? 1 : 0;
            }
        }

        return count;
    }
}
