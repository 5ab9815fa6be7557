using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Agreements;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Agreements;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Agreements;

/// <summary>The agreement draft made from a filled form as the template writes it (lead applicant and one joint applicant: three parties).</summary>
public sealed class AgreementDocumentTests
{
    private static readonly DateTimeOffset InsideWindow = DateTimeOffset.Parse("2021-01-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly AgreementRequest Request = new("XY-QL2020-BM-02-0001", 1, "QL2020-BM-02-0001", new DateOnly(2021, 3, 1));

    private static readonly Domain.Programme.Demand Demand = SampleProgramme.RoboticArm with
    {
        IssuerCreditCode = DemandSamples.CreditCode(6),
        Procurement = "项目验收合格后，发榜企业意向采购不少于600万元。",
        ContactName = "示例联系人",
        ContactPhone = "010-62345678",
    };

    private static ApplicationRecord Record(FormFiller form)
    {
        var check = ApplicationRules.Check(FilledFormReader.Read(form.ToBytes()), SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, InsideWindow);
        Assert.True(check.Complete && check.Eligible, string.Join("; ", check.Findings.Select(f => f.Code + " " + f.Field)));
        return check.Record;
    }

    private static byte[] ThreeParties() => AgreementDocument.Build(AgreementComposer.Compose(Record(SampleForms.CompleteValidForm()), Demand, SampleProgramme.FirstBatch, Request));

    [Fact]
    public void Agreement_is_schema_valid_Office_Open_XML()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(ThreeParties()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Three_party_agreement_text_matches_its_golden_file() => Golden.AssertText("three-parties.txt", DocxText.Of(ThreeParties()));

    [Fact]
    public void Same_application_gives_the_same_bytes() => Assert.Equal(ThreeParties(), ThreeParties());

    [Fact]
    public void Two_joint_applicants_make_four_parties_each_with_a_signature_block()
    {
        var docx = AgreementDocument.Build(AgreementComposer.Compose(Record(SampleForms.TwoCoApplicants()), Demand, SampleProgramme.FirstBatch, Request));
        var text = DocxText.Of(docx);

        foreach (var role in new[] { "甲方", "乙方", "丙方", "丁方" })
        {
            Assert.Contains($"{role}（盖章）：", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("戊方", text, StringComparison.Ordinal);
        Assert.Contains("本协议一式五份", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_A4_with_page_numbers_and_articles_in_the_heading_style()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(ThreeParties()), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;

        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        Assert.Contains(" PAGE ", document.MainDocumentPart.FooterParts.Single().Footer!.InnerXml, StringComparison.Ordinal);
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal("鉴于", headings[0]);
        Assert.Equal("第十一条　其他", headings[^1]);
    }
}
