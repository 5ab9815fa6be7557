using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>Check of a typical filled form (guard + open + read + validate) against the floor of the same file.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private static readonly DateTimeOffset Now = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private byte[] _form = [];

    [GlobalSetup]
    public void Setup() => _form = TestAssets.Read(TestForms.WordQuirks);

    /// <summary>The least any reader must do: unzip the document part and walk its XML once.</summary>
    [Benchmark(Baseline = true)]
    public int Floor()
    {
        using var zip = new ZipArchive(new MemoryStream(_form), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        using var reader = XmlReader.Create(stream);
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    [Benchmark]
    public int Check()
    {
        using var document = DocxOpener.OpenReadOnly(_form, PackageLimits.Default);
        var form = FilledFormReader.Read(document);
        return ApplicationRules.Check(form, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now).Findings.Count;
    }
}
