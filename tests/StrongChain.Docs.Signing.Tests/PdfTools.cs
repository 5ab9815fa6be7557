using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Signing.Tests;

/// <summary>Poppler and LibreOffice as separate processes: an independent reader of what we sign.</summary>
public static class PdfTools
{
    /// <summary>A real PDF with Chinese text, rendered by LibreOffice from a plain text file.</summary>
    public static async Task<byte[]> RenderAsync(string text)
    {
        var work = Directory.CreateTempSubdirectory("sc-sign-");
        try
        {
            var input = Path.Combine(work.FullName, "agreement.txt");
            await File.WriteAllTextAsync(input, text);
            await Poppler.RunAsync("soffice", "--headless", $"-env:UserInstallation=file://{work.FullName}/profile", "--convert-to", "pdf", "--outdir", work.FullName, input);
            return await File.ReadAllBytesAsync(Path.Combine(work.FullName, "agreement.pdf"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static Task<int> PageCountAsync(byte[] pdf) => Poppler.WithFileAsync(pdf, async path => (await Poppler.PageSizesAsync(path)).Count);

    /// <summary>One page as a 72 dpi grey image (poppler draws annotation appearances, so the signature box shows).</summary>
    public static async Task<GrayImage> RenderGrayAsync(byte[] pdf, int page)
    {
        var work = Directory.CreateTempSubdirectory("sc-render-");
        try
        {
            var path = Path.Combine(work.FullName, "in.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            await Poppler.RunAsync("pdftoppm", "-r", "72", "-gray", "-singlefile", "-f", $"{page}", "-l", $"{page}", path, Path.Combine(work.FullName, "page"));
            return GrayImage.ParsePgm(await File.ReadAllBytesAsync(Path.Combine(work.FullName, "page.pgm")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
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
