using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StrongChain.Docs.Documents.Review;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Review;

/// <summary>The decision letter (评审结果通知书) as the service mails it: valid Open XML, the expected text, the same bytes for the same facts.</summary>
public sealed class DecisionLetterDocumentTests
{
    private static readonly DecisionLetterFacts Selected = new("app-1", "QL2020-BM-02-0001", 2, "示例申报公司", "91110108MA01C8QX20",
        SampleProgramme.DemandId, SampleProgramme.DemandTitle, SampleProgramme.DemandIssuer, SampleProgramme.RoundId, SampleProgramme.FirstBatch.Name,
        "selected", 1, 8, 87.35m, new DateOnly(2021, 3, 1));

    private static byte[] Letter(DecisionLetterFacts facts) => DecisionLetterDocument.Build(DecisionLetterContent.Compose(facts));

    [Fact]
    public void Letter_is_schema_valid_Office_Open_XML()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Letter(Selected)), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Selected_letter_text_matches_its_golden_file() => Golden.AssertText("selected.txt", DocxText.Of(Letter(Selected)));

    [Fact]
    public void Same_facts_give_the_same_bytes() => Assert.Equal(Letter(Selected), Letter(Selected with { }));

    [Fact]
    public void Not_selected_without_scores_states_no_rank_and_no_agreement()
    {
        var text = DocxText.Of(Letter(Selected with { Decision = "not-selected", Rank = null, Ranked = null, WeightedTotal = null }));

        Assert.Contains("评审结果为：未入选", text, StringComparison.Ordinal);
        Assert.Contains("编号：QL2020-BM-02-0001-WRX", text, StringComparison.Ordinal);
        Assert.DoesNotContain("专家评审排名", text, StringComparison.Ordinal);
        Assert.DoesNotContain("加权总分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("合作研发协议", text, StringComparison.Ordinal);
    }
}
