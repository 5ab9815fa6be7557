using DocumentFormat.OpenXml.Packaging;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.FilledForms;

/// <summary>
/// The check's memory stays where the streaming reader put it (docs/performance.md): bytes allocated per call, not time,
/// so the guard holds on a loaded machine. Loading the Open XML SDK's DOM again (1,874 KB per check) fails it.
/// </summary>
public sealed class CheckAllocationTests
{
    private static readonly DateTimeOffset Now = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Recorded 2026-12-04: 569 KB per check of word-quirks.docx (BenchmarkDotNet: 631 KB); the bound leaves about 30 % for drift.</summary>
    private const long CheckBound = 750 * 1024;

    /// <summary>Recorded 2026-12-04: 442 KB for every content control of word-quirks.docx.</summary>
    private const long ControlsBound = 600 * 1024;

    [Fact]
    public void A_check_allocates_under_its_recorded_bound()
    {
        var form = TestAssets.Read(TestForms.WordQuirks);
        var bytes = Allocations.PerCall(() =>
            ApplicationRules.Check(FilledFormReader.Read(form), SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, Now));
        Assert.True(bytes < CheckBound, $"A check allocated {bytes / 1024} KB, over its bound of {CheckBound / 1024} KB: was a DOM or a second pass brought back?");
    }

    /// <summary>The guard can fail: the SDK's DOM of the same form alone, without any reading, is over the check's bound.</summary>
    [Fact]
    public void Loading_the_SDK_DOM_of_the_form_is_over_the_check_bound()
    {
        var form = TestAssets.Read(TestForms.WordQuirks);
        var bytes = Allocations.PerCall(() =>
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(form), false);
            return document.MainDocumentPart!.Document!.Body!.ChildElements.Count;
        });
        Assert.True(bytes > CheckBound, $"The DOM took {bytes / 1024} KB, under the check's bound of {CheckBound / 1024} KB: the bound guards nothing.");
    }

    [Fact]
    public void Reading_every_content_control_allocates_under_its_recorded_bound()
    {
        var form = TestAssets.Read(TestForms.WordQuirks);
        var bytes = Allocations.PerCall(() => ContentControlReader.Read(form));
        Assert.True(bytes < ControlsBound, $"Reading the controls allocated {bytes / 1024} KB, over its bound of {ControlsBound / 1024} KB.");
    }
}
