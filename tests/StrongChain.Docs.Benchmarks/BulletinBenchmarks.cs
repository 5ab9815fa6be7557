using BenchmarkDotNet.Attributes;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>The bulletin .docx of the first batch and of a round of 1,000 generated demands (goal: ≤ 300 ms).</summary>
[MemoryDiagnoser]
public class BulletinBenchmarks
{
    private IReadOnlyList<Demand> _thousand = [];

    [GlobalSetup]
    public void Setup() => _thousand = DemandSamples.Generated(1000);

    [Benchmark]
    public int FirstBatch() => BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published)).Length;

    [Benchmark]
    public int ThousandDemands() => BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, _thousand)).Length;
}
