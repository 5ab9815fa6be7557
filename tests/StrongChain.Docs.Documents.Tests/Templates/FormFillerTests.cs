using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Testing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace StrongChain.Docs.Documents.Tests.Templates;

/// <summary>The test filler must produce the shapes it claims, or reader tests built on it prove nothing.</summary>
public sealed class FormFillerTests
{
    [Fact]
    public void Set_types_the_text_and_drops_the_placeholder_flag()
    {
        using var doc = Filled(f => f.Set("applicant.contactEmail", "a@example.com"));
        var control = Control(doc, "applicant.contactEmail");

        Assert.Equal("a@example.com", Text(control));
        Assert.Null(control.SdtProperties!.GetFirstChild<ShowingPlaceholder>());
        Assert.DoesNotContain(control.Descendants<RunStyle>(), s => s.Val?.Value == "PlaceholderText");
    }

    [Fact]
    public void Set_on_a_drop_down_records_the_chosen_value()
    {
        using var doc = Filled(f => f.Set("applicant.orgType", "企业"));
        var control = Control(doc, "applicant.orgType");

        Assert.Equal("企业", Text(control));
        Assert.Equal("企业", control.SdtProperties!.GetFirstChild<SdtContentDropDownList>()!.LastValue?.Value);
    }

    [Fact]
    public void Check_then_uncheck_leaves_an_empty_box()
    {
        using var doc = Filled(f => f.Check("decl.truthful").Check("decl.truthful", false));
        var control = Control(doc, "decl.truthful");

        Assert.Equal(W14.OnOffValues.Zero, control.SdtProperties!.GetFirstChild<W14.SdtContentCheckBox>()!.GetFirstChild<W14.Checked>()!.Val!.Value);
        Assert.Equal(ApplicationFormTemplate.UncheckedGlyph, Text(control));
    }

    [Fact]
    public void SetPicture_embeds_a_png_in_the_picture_control()
    {
        using var doc = Filled(f => f.SetPicture("sign.seal"));
        var blip = Control(doc, "sign.seal").Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();

        var image = (ImagePart)doc.MainDocumentPart!.GetPartById(blip.Embed!.Value!);
        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public void DeleteRepeatItem_removes_that_item_only()
    {
        using var doc = Filled(f => f.AddRepeatItem("team").SetIn("team", 1, "member.name", "乙").DeleteRepeatItem("team", 0));
        var names = doc.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Where(c => c.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "member.name").Select(Text);

        Assert.Equal(["乙"], names);
    }

    [Fact]
    public void DeleteRepeatItemTracked_keeps_the_item_with_its_row_runs_and_marks_deleted()
    {
        using var doc = Filled(f => f.AddRepeatItem("team").SetIn("team", 1, "member.name", "乙").DeleteRepeatItemTracked("team", 1));
        var item = doc.MainDocumentPart!.Document!.Body!.Descendants<SdtRow>()
            .Where(r => r.SdtProperties?.GetFirstChild<DocumentFormat.OpenXml.Office2013.Word.SdtRepeatedSectionItem>() is not null)
            .Where(r => r.Descendants<SdtElement>().Any(c => c.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "member.name"))
            .ElementAt(1);

        Assert.All(item.Descendants<TableRow>(), row => Assert.NotNull(row.TableRowProperties?.GetFirstChild<Deleted>()));
        Assert.All(item.Descendants<Run>(), run => Assert.IsType<DeletedRun>(run.Parent));
        Assert.Empty(item.Descendants<Text>());
        Assert.Contains(item.Descendants<DeletedText>(), t => t.Text == "乙");
        Assert.All(item.Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>()));
    }

    [Fact]
    public void InsertField_simple_keeps_the_result_text_inside_fldSimple()
    {
        using var doc = Filled(f => f.Set("applicant.address", SampleForms.Address).InsertField("applicant.address", simple: true));
        var control = Control(doc, "applicant.address");

        var field = control.Descendants<SimpleField>().Single();
        Assert.Contains("QUOTE", field.Instruction!.Value, StringComparison.Ordinal);
        Assert.Equal(SampleForms.Address, Text(control));
    }

    [Fact]
    public void WrapInSmartTag_raw_writes_a_literal_w_smartTag()
    {
        using var doc = Filled(f => f.Set("applicant.contactName", SampleForms.ContactName).WrapInSmartTag("applicant.contactName", raw: true));
        var control = Control(doc, "applicant.contactName");

        var smartTag = control.Descendants<OpenXmlUnknownElement>().Single(e => e.LocalName == "smartTag");
        // The SDK reads everything inside an unknown element as unknown too: readers must cope with that.
        Assert.Equal(SampleForms.ContactName, smartTag.InnerText);
        Assert.Equal("PersonName", smartTag.GetAttribute("element", "http://schemas.openxmlformats.org/wordprocessingml/2006/main").Value);
    }

    [Fact]
    public void StripDocumentProperties_keeps_the_custom_xml_part()
    {
        using var doc = Filled(f => f.StripDocumentProperties());

        Assert.Null(doc.CustomFilePropertiesPart);
        Assert.Single(doc.MainDocumentPart!.CustomXmlParts);
    }

    [Fact]
    public void Every_quirk_keeps_the_document_schema_valid()
    {
        using var quirks = SampleForms.WordQuirks();
        using var quirked = WordprocessingDocument.Open(new MemoryStream(quirks
            .InsertField("applicant.contactEmail", simple: true)
            .DeleteRepeatItem("team", 2)
            .DeleteRepeatItemTracked("milestones", 1)
            .StripDocumentProperties()
            .ToBytes()), false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(quirked));
    }

    private static WordprocessingDocument Filled(Action<FormFiller> fill)
    {
        using var filler = FormFiller.FromTemplate(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);
        fill(filler);
        return WordprocessingDocument.Open(new MemoryStream(filler.ToBytes()), false);
    }

    private static SdtElement Control(WordprocessingDocument doc, string tag) =>
        doc.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>().First(c => c.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == tag);

    private static string Text(SdtElement control) => string.Concat(control.Descendants<Text>().Select(t => t.Text));
}
