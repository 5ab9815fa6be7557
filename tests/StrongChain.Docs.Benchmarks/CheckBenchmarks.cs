using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>Check of a typical filled form (guard + open + read + validate) against the floor of the same file.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private static readonly DateTimeOffset Now = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private byte[] _form = [];

    private FilledForm? _filled;

    [GlobalSetup]
    public void Setup()
    {
        _form = TestAssets.Read(TestForms.WordQuirks);
        using var document = DocxOpener.OpenReadOnly(_form, PackageLimits.Default);
        _filled = FilledFormReader.Read(document);
    }

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

    /// <summary>Stage: the upload guard alone (zip directory and capped inflation of every part).</summary>
    [Benchmark]
    public int Guard()
    {
        DocxPackageGuard.EnsureSafeDocx(_form, PackageLimits.Default);
        return _form.Length;
    }

    /// <summary>Stage: open with the SDK and read the filled form (includes the guard).</summary>
    [Benchmark]
    public int OpenAndRead()
    {
        using var document = DocxOpener.OpenReadOnly(_form, PackageLimits.Default);
        return FilledFormReader.Read(document).Values.Count;
    }

    /// <summary>Stage: record and rules over an already read form.</summary>
    [Benchmark]
    public int Rules() => ApplicationRules.Check(_filled!, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now).Findings.Count;

    [Benchmark]
    public int Check()
    {
        using var document = DocxOpener.OpenReadOnly(_form, PackageLimits.Default);
        var form = FilledFormReader.Read(document);
        return ApplicationRules.Check(form, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now).Findings.Count;
    }
}
