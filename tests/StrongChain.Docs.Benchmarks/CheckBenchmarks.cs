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
        _filled = FilledFormReader.Read(_form);
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
        OfficePackageGuard.EnsureSafe(_form, PackageLimits.Default, PackageKind.Word);
        return _form.Length;
    }

    /// <summary>Stage: guard and read the filled form (the parts are read in the guard's pass).</summary>
    [Benchmark]
    public int OpenAndRead() => FilledFormReader.Read(_form).Values.Count;

    /// <summary>Stage: record and rules over an already read form.</summary>
    [Benchmark]
    public int Rules() => ApplicationRules.Check(_filled!, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now).Findings.Count;

    [Benchmark]
    public int Check()
    {
        var form = FilledFormReader.Read(_form);
        return ApplicationRules.Check(form, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now).Findings.Count;
    }
}
