using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Bulletins;

/// <summary>
/// The bulletin's document part is streamed (docs/performance.md): bytes allocated per build of 1,000 demands, not time.
/// Building it as an Open XML SDK DOM again (38.6 MB per build) fails this.
/// </summary>
public sealed class BulletinAllocationTests
{
    /// <summary>Recorded 2026-12-04: 2,858 KB per build of 1,000 generated demands (content already composed).</summary>
    private const long ThousandDemandsBound = 4 * 1024 * 1024;

    [Fact]
    public void A_bulletin_of_1000_demands_allocates_under_its_recorded_bound()
    {
        var content = BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Generated(1000));
        var bytes = Allocations.PerCall(() => BulletinDocument.Build(content), warmUp: 3, samples: 5);
        Assert.True(bytes < ThousandDemandsBound, $"A bulletin of 1,000 demands allocated {bytes / 1024} KB, over its bound of {ThousandDemandsBound / 1024} KB: is the document part built as a DOM again?");
    }
}
