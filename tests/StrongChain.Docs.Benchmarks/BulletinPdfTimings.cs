using System.Diagnostics;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>
/// PDF times of the bulletin through <see cref="PdfRenderer"/> (a resident LibreOffice per worker): cold (a worker whose
/// profile does not exist yet and whose LibreOffice starts), warm (its LibreOffice running, cache miss) and a cache hit. Too slow and too few for
/// BenchmarkDotNet: a Stopwatch, several runs each. Writes the .docx and PDFs it made into the output folder.
/// <c>dotnet run -c Release --project tests/StrongChain.Docs.Benchmarks -- bulletin-pdf [folder] [runs]</c>
/// </summary>
public static class BulletinPdfTimings
{
    public static async Task RunAsync(string output, int runs)
    {
        Directory.CreateDirectory(output);
        var firstBatch = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
        await File.WriteAllBytesAsync(Path.Combine(output, "first-batch.docx"), firstBatch);

        var cold = new List<double>();
        var warm = new List<double>();
        var hit = new List<double>();
        byte[] pdf = [];
        for (var run = 0; run < runs; run++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "sc-bulletin-timings-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1 });
                cold.Add(await Time(async () => pdf = await renderer.RenderAsync(firstBatch, CancellationToken.None)));
                // Another round of the same size: a cache miss on the now initialised profile.
                var other = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound with { Id = $"2020-{run + 2:D2}" }, DemandSamples.Published
                    .Select(d => d with { RoundId = $"2020-{run + 2:D2}" })));
                warm.Add(await Time(() => renderer.RenderAsync(other, CancellationToken.None)));
                hit.Add(await Time(() => renderer.RenderAsync(firstBatch, CancellationToken.None)));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        await File.WriteAllBytesAsync(Path.Combine(output, "first-batch.pdf"), pdf);
        Report("first batch (10 demands), cold worker", cold);
        Report("first batch (10 demands), warm worker", warm);
        Report("first batch (10 demands), cache hit", hit);

        foreach (var count in new[] { 100, 1000 })
        {
            var directory = Path.Combine(Path.GetTempPath(), "sc-bulletin-timings-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1, Timeout = TimeSpan.FromMinutes(10) });
                await renderer.RenderAsync(firstBatch, CancellationToken.None);
                var docx = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Generated(count)));
                var big = Array.Empty<byte>();
                var seconds = await Time(async () => big = await renderer.RenderAsync(docx, CancellationToken.None));
                var path = Path.Combine(output, $"generated-{count}.pdf");
                await File.WriteAllBytesAsync(path, big);
                Console.WriteLine($"{count} generated demands, warm worker: {seconds:0.00} s ({docx.Length / 1024} KiB .docx, {big.Length / 1024} KiB PDF)");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static void Report(string what, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        Console.WriteLine($"{what}: median {sorted[sorted.Count / 2] * 1000:0.0} ms, min {sorted[0] * 1000:0.0} ms, max {sorted[^1] * 1000:0.0} ms over {sorted.Count} runs");
    }
}
