using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Testing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace StrongChain.Docs.Documents.Tests.Templates;

public sealed class ApplicationFormTemplateTests
{
    private static readonly byte[] Template = ApplicationFormTemplate.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    public static TheoryData<string> Fixtures() => [.. TestForms.All];

    [Fact]
    public void Template_has_no_schema_errors()
    {
        Assert.Empty(ValidationErrors(Template));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_has_no_schema_errors(string fixture)
    {
        Assert.Empty(ValidationErrors(TestAssets.Read(fixture)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Committed_fixture_matches_what_the_generator_writes_now(string fixture)
    {
        var expected = fixture switch
        {
            TestForms.Template => Template,
            TestForms.CompleteValid => Bytes(SampleForms.CompleteValidForm()),
            TestForms.WordQuirks => Bytes(SampleForms.WordQuirks()),
            TestForms.CustomXmlStripped => Bytes(SampleForms.CustomXmlStripped()),
            TestForms.MissingFields => Bytes(SampleForms.MissingFields()),
            TestForms.TwoCoApplicants => Bytes(SampleForms.TwoCoApplicants()),
            TestForms.TagsStripped => Bytes(SampleForms.TagsStripped()),
            TestForms.LayoutLost => Bytes(SampleForms.LayoutLost()),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        // Regenerate with: dotnet run --project tests/StrongChain.Docs.FixtureMaker
        Assert.Equal(PartContents(expected), PartContents(TestAssets.Read(fixture)));
    }

    [Fact]
    public void Build_is_byte_identical_for_the_same_round_and_demand()
    {
        var again = ApplicationFormTemplate.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

        Assert.Equal(Template, again);
    }

    [Fact]
    public void Every_plain_field_of_the_catalogue_is_exactly_one_control_with_its_tag_alias_and_kind()
    {
        using var doc = Open(Template);
        var controls = Controls(doc.MainDocumentPart!.Document!.Body!).ToList();

        foreach (var field in ApplicationForm.Fields.Where(f => f.Repeat is null))
        {
            var matches = controls.Where(c => TagOf(c) == field.Tag).ToList();
            var control = Assert.Single(matches);
            Assert.Equal(field.Label, control.SdtProperties!.GetFirstChild<SdtAlias>()?.Val?.Value);
            Assert.Equal(field.Kind, KindOf(control));
        }
    }

    [Fact]
    public void Every_repeating_section_starts_with_one_untagged_item_holding_each_child_once()
    {
        using var doc = Open(Template);
        var body = doc.MainDocumentPart!.Document!.Body!;

        foreach (var repeat in ApplicationForm.Repeats)
        {
            var section = Assert.IsType<SdtRow>(Assert.Single(Controls(body), c => TagOf(c) == repeat.Tag));
            Assert.NotNull(section.SdtProperties!.GetFirstChild<W15.SdtRepeatedSection>());
            Assert.Equal(repeat.Label, section.SdtProperties.GetFirstChild<SdtAlias>()?.Val?.Value);

            var item = Assert.Single(section.SdtContentRow!.Elements<SdtRow>());
            Assert.NotNull(item.SdtProperties!.GetFirstChild<W15.SdtRepeatedSectionItem>());
            Assert.Null(item.SdtProperties.GetFirstChild<Tag>());
            var row = Assert.Single(item.SdtContentRow!.Elements<TableRow>());

            var children = ApplicationForm.FieldsOf(repeat).ToList();
            Assert.Equal(children.Count, row.Elements<TableCell>().Count());
            foreach (var field in children)
            {
                var control = Assert.Single(Controls(row), c => TagOf(c) == field.Tag);
                Assert.Equal(field.Kind, KindOf(control));
                Assert.Equal(field.Label, control.SdtProperties!.GetFirstChild<SdtAlias>()?.Val?.Value);
            }

            Assert.Equal(children.Count, Controls(body).Count(c => TagOf(c) is { } tag && children.Any(f => f.Tag == tag)));
        }
    }

    [Fact]
    public void Drop_downs_carry_exactly_the_catalogue_options()
    {
        using var doc = Open(Template);
        var controls = Controls(doc.MainDocumentPart!.Document!.Body!).ToList();

        foreach (var field in ApplicationForm.Fields.Where(f => f.Kind == FieldKind.List))
        {
            var list = controls.First(c => TagOf(c) == field.Tag).SdtProperties!.GetFirstChild<SdtContentDropDownList>()!;
            var items = list.Elements<ListItem>().ToList();
            Assert.Equal(field.Options, items.Select(i => i.Value?.Value));
            Assert.Equal(field.Options, items.Select(i => i.DisplayText?.Value));
        }
    }

    [Fact]
    public void Date_pickers_store_yyyy_MM_dd_in_the_gregorian_calendar()
    {
        using var doc = Open(Template);

        foreach (var control in Controls(doc.MainDocumentPart!.Document!.Body!).Where(c => KindOf(c) == FieldKind.Date))
        {
            var date = control.SdtProperties!.GetFirstChild<SdtContentDate>()!;
            Assert.Equal("yyyy-MM-dd", date.GetFirstChild<DateFormat>()?.Val?.Value);
            Assert.Equal("zh-CN", date.GetFirstChild<LanguageId>()?.Val?.Value);
            Assert.Equal(DateFormatValues.DateTime, date.GetFirstChild<SdtDateMappingType>()?.Val?.Value);
            Assert.Equal(CalendarValues.Gregorian, date.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Calendar>()?.Val?.Value);
        }
    }

    [Fact]
    public void Locked_fields_hold_the_demand_values_and_lock_their_content()
    {
        using var doc = Open(Template);
        var controls = Controls(doc.MainDocumentPart!.Document!.Body!).ToList();
        var expected = new Dictionary<string, string>
        {
            ["demand.id"] = SampleProgramme.DemandId,
            ["demand.title"] = SampleProgramme.DemandTitle,
            ["demand.issuer"] = SampleProgramme.DemandIssuer,
            ["demand.sector"] = SampleProgramme.DemandSector,
            ["round.id"] = SampleProgramme.RoundId,
        };

        Assert.Equal(expected.Keys.Order(), ApplicationForm.Fields.Where(f => f.Locked).Select(f => f.Tag).Order());
        foreach (var (tag, value) in expected)
        {
            var control = controls.Single(c => TagOf(c) == tag);
            Assert.Equal(value, TextOf(control));
            Assert.Equal(LockingValues.SdtContentLocked, control.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>()?.Val?.Value);
            Assert.Null(control.SdtProperties.GetFirstChild<ShowingPlaceholder>());
        }
    }

    [Fact]
    public void Open_controls_show_their_chinese_placeholder_from_a_glossary_doc_part()
    {
        using var doc = Open(Template);
        var glossary = doc.MainDocumentPart!.GlossaryDocumentPart!.GlossaryDocument!;
        var docParts = glossary.Descendants<DocPart>().ToDictionary(
            p => p.DocPartProperties!.GetFirstChild<DocPartName>()!.Val!.Value!,
            p => string.Concat(p.DocPartBody!.Descendants<Text>().Select(t => t.Text)));

        foreach (var control in Controls(doc.MainDocumentPart.Document!.Body!).Where(c => ApplicationForm.FindField(TagOf(c) ?? "") is not null))
        {
            var field = ApplicationForm.FindField(TagOf(control)!)!;
            if (field.Locked || field.Placeholder.Length == 0)
            {
                Assert.Null(control.SdtProperties!.GetFirstChild<ShowingPlaceholder>());
                continue;
            }

            Assert.NotNull(control.SdtProperties!.GetFirstChild<ShowingPlaceholder>());
            var docPart = control.SdtProperties.GetFirstChild<SdtPlaceholder>()?.GetFirstChild<DocPartReference>()?.Val?.Value;
            Assert.Equal(field.Placeholder, docParts[docPart!]);
            Assert.Equal(field.Placeholder, TextOf(control));
            Assert.All(control.Descendants<Run>(), r => Assert.Equal("PlaceholderText", r.RunProperties?.RunStyle?.Val?.Value));
        }
    }

    [Fact]
    public void Declarations_are_unchecked_w14_check_boxes_with_ballot_box_glyphs()
    {
        using var doc = Open(Template);
        var controls = Controls(doc.MainDocumentPart!.Document!.Body!).ToList();

        foreach (var (tag, _) in ApplicationForm.Declarations)
        {
            var control = controls.Single(c => TagOf(c) == tag);
            var box = control.SdtProperties!.GetFirstChild<W14.SdtContentCheckBox>()!;
            Assert.Equal(W14.OnOffValues.Zero, box.GetFirstChild<W14.Checked>()?.Val?.Value);
            Assert.Equal("2612", box.GetFirstChild<W14.CheckedState>()?.Val?.Value);
            Assert.Equal("2610", box.GetFirstChild<W14.UncheckedState>()?.Val?.Value);
            Assert.Equal(ApplicationFormTemplate.UncheckedGlyph, TextOf(control));
        }
    }

    [Fact]
    public void Markers_are_in_the_custom_xml_part_and_in_the_document_properties()
    {
        using var doc = Open(Template);

        var markers = MarkerPart(doc);
        Assert.NotNull(markers);
        XNamespace ns = ApplicationForm.MarkerNamespace;
        Assert.Equal(ApplicationForm.TemplateVersion, markers.Element(ns + "templateVersion")?.Value);
        Assert.Equal(SampleProgramme.RoundId, markers.Element(ns + "roundId")?.Value);
        Assert.Equal(SampleProgramme.DemandId, markers.Element(ns + "demandId")?.Value);
        var part = doc.MainDocumentPart!.CustomXmlParts.Single();
        Assert.False(string.IsNullOrEmpty(part.CustomXmlPropertiesPart?.DataStoreItem?.ItemId?.Value));

        var properties = DocumentProperties(doc);
        Assert.Equal(ApplicationForm.TemplateVersion, properties["templateVersion"]);
        Assert.Equal(SampleProgramme.RoundId, properties["roundId"]);
        Assert.Equal(SampleProgramme.DemandId, properties["demandId"]);
    }

    [Fact]
    public void Core_properties_name_the_form_and_its_issuer()
    {
        using var zip = new ZipArchive(new MemoryStream(Template));
        using var reader = new StreamReader(zip.GetEntry("docProps/core.xml")!.Open());
        var core = XDocument.Parse(reader.ReadToEnd());
        XNamespace dc = "http://purl.org/dc/elements/1.1/";

        Assert.Contains(SampleProgramme.DemandTitle, core.Root!.Element(dc + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal(ApplicationForm.Issuer, core.Root.Element(dc + "creator")!.Value);
    }

    [Fact]
    public void Page_is_A4_portrait_with_chinese_standard_margins_and_a_page_number_footer()
    {
        using var doc = Open(Template);
        var section = doc.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;

        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(11906U, size.Width!.Value);
        Assert.Equal(16838U, size.Height!.Value);
        Assert.Null(size.Orient);
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(1440, margin.Top!.Value);
        Assert.Equal(1440, margin.Bottom!.Value);
        Assert.Equal(1797U, margin.Left!.Value);
        Assert.Equal(1797U, margin.Right!.Value);

        var footerId = section.Elements<FooterReference>().Single(f => f.Type?.Value == HeaderFooterValues.Default).Id!.Value!;
        var footer = ((FooterPart)doc.MainDocumentPart.GetPartById(footerId)).Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction?.Value?.Trim() == "PAGE");
    }

    [Fact]
    public void East_asian_fonts_are_declared_for_body_and_headings()
    {
        using var doc = Open(Template);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;

        var fonts = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("宋体", fonts.EastAsia?.Value);
        Assert.Equal("Times New Roman", fonts.Ascii?.Value);
        Assert.Equal("Times New Roman", fonts.HighAnsi?.Value);
        var heading = styles.Elements<Style>().Single(s => s.StyleId?.Value == "Heading1");
        Assert.Equal("黑体", heading.StyleRunProperties!.RunFonts!.EastAsia?.Value);
    }

    [Fact]
    public void Document_root_declares_w14_and_w15_as_ignorable()
    {
        using var doc = Open(Template);
        var root = doc.MainDocumentPart!.Document!;

        Assert.Equal("w14 w15", root.MCAttributes?.Ignorable?.Value);
        Assert.Contains(root.NamespaceDeclarations, n => n.Key == "w14");
        Assert.Contains(root.NamespaceDeclarations, n => n.Key == "w15");
    }

    [Fact]
    public void Complete_valid_fixture_fills_every_field_ticks_every_box_and_holds_the_seal()
    {
        using var doc = Open(TestAssets.Read(TestForms.CompleteValid));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var controls = Controls(body).Where(c => ApplicationForm.FindField(TagOf(c) ?? "") is not null).ToList();

        Assert.DoesNotContain(controls, c => c.SdtProperties!.GetFirstChild<ShowingPlaceholder>() is not null);
        Assert.All(controls.Where(c => KindOf(c) == FieldKind.Check),
            c => Assert.Equal(ApplicationFormTemplate.CheckedGlyph, TextOf(c)));
        Assert.Single(controls.Single(c => TagOf(c) == "sign.seal").Descendants<Drawing>());
        Assert.Equal(SampleForms.ApplicantName, TextOf(controls.Single(c => TagOf(c) == "applicant.name")));
        Assert.Equal("2021-03-01T00:00:00Z", controls.Single(c => TagOf(c) == "project.start").SdtProperties!
            .GetFirstChild<SdtContentDate>()!.GetAttribute("fullDate", "http://schemas.openxmlformats.org/wordprocessingml/2006/main").Value);
        foreach (var repeat in ApplicationForm.Repeats)
        {
            var expectedItems = SampleForms.CompleteValidValues.Keys.Where(k => k.StartsWith(repeat.Tag + "[", StringComparison.Ordinal))
                .Select(k => k[..k.IndexOf(']', StringComparison.Ordinal)]).Distinct().Count();
            Assert.Equal(expectedItems, Items(body, repeat.Tag).Count);
        }
    }

    [Fact]
    public void Word_quirks_fixture_holds_each_quirk()
    {
        using var doc = Open(TestAssets.Read(TestForms.WordQuirks));
        var body = doc.MainDocumentPart!.Document!.Body!;
        SdtElement Control(string tag) => Controls(body).First(c => TagOf(c) == tag);

        Assert.Equal(2, Control("applicant.name").Descendants<ProofError>().Count());
        Assert.Equal(SampleForms.ApplicantName, TextOf(Control("applicant.name")));
        Assert.Single(Control("plan.leaderName").Descendants<InsertedRun>());
        Assert.Equal(SampleForms.DeletedLeaderText, Assert.Single(Control("plan.leaderName").Descendants<DeletedText>()).Text);
        Assert.Equal(SampleForms.LeaderName, TextOf(Control("plan.leaderName")));
        Assert.Single(Control("plan.approach").Descendants<TabChar>());
        Assert.Single(Control("plan.approach").Descendants<Break>());
        Assert.Equal(3, Control("applicant.address").Descendants<FieldChar>().Count());
        Assert.Single(Control("applicant.address").Descendants<FieldCode>());
        Assert.Single(Control("applicant.contactName").Descendants<CustomXmlRun>());
        Assert.Null(Control("demand.sector").SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>());
        Assert.Equal(2, Control("plan.foundation").Descendants<Paragraph>().Count());

        var coApplicants = Items(body, "coApplicants");
        Assert.Equal(2, coApplicants.Count);
        Assert.All(Controls(coApplicants[1]), c => Assert.NotNull(c.SdtProperties!.GetFirstChild<ShowingPlaceholder>()));
    }

    [Fact]
    public void Custom_xml_stripped_fixture_keeps_the_markers_only_in_the_document_properties()
    {
        using var doc = Open(TestAssets.Read(TestForms.CustomXmlStripped));

        Assert.Null(MarkerPart(doc));
        Assert.Equal(SampleProgramme.DemandId, DocumentProperties(doc)["demandId"]);
    }

    [Fact]
    public void Missing_fields_fixture_fills_only_the_applicant_name()
    {
        using var doc = Open(TestAssets.Read(TestForms.MissingFields));
        var filled = Controls(doc.MainDocumentPart!.Document!.Body!)
            .Where(c => ApplicationForm.FindField(TagOf(c) ?? "") is { Locked: false, Placeholder.Length: > 0 })
            .Where(c => c.SdtProperties!.GetFirstChild<ShowingPlaceholder>() is null)
            .Select(TagOf);

        Assert.Equal(["applicant.name"], filled);
    }

    [Fact]
    public void Two_co_applicants_fixture_has_two_distinct_joint_applicants()
    {
        using var doc = Open(TestAssets.Read(TestForms.TwoCoApplicants));
        var items = Items(doc.MainDocumentPart!.Document!.Body!, "coApplicants");

        Assert.Equal(2, items.Count);
        Assert.Equal(SampleForms.CoApplicantCreditCode, TextOf(Controls(items[0]).Single(c => TagOf(c) == "coApplicant.creditCode")));
        Assert.Equal(SampleForms.SecondCoApplicantCreditCode, TextOf(Controls(items[1]).Single(c => TagOf(c) == "coApplicant.creditCode")));
    }

    [Fact]
    public void Adding_a_repeat_item_gives_fresh_control_ids_and_placeholders()
    {
        using var filler = FormFiller.FromTemplate(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm)
            .SetIn("team", 0, "member.name", "甲").AddRepeatItem("team");
        using var doc = Open(filler.ToBytes());
        var body = doc.MainDocumentPart!.Document!.Body!;

        var ids = body.Descendants<SdtId>().Select(i => i.Val!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var items = Items(body, "team");
        Assert.Equal(2, items.Count);
        Assert.Equal("甲", TextOf(Controls(items[0]).Single(c => TagOf(c) == "member.name")));
        Assert.All(Controls(items[1]), c => Assert.NotNull(c.SdtProperties!.GetFirstChild<ShowingPlaceholder>()));
    }

    [Theory]
    [InlineData(SampleForms.ApplicantCreditCode)]
    [InlineData(SampleForms.CoApplicantCreditCode)]
    [InlineData(SampleForms.SecondCoApplicantCreditCode)]
    public void Sample_credit_codes_carry_a_valid_gb32100_check_character(string code)
    {
        Assert.Equal(code, SampleForms.WithCheckCharacter(code[..17]));
    }

    private static byte[] Bytes(FormFiller filler)
    {
        using (filler)
        {
            return filler.ToBytes();
        }
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static List<string> ValidationErrors(byte[] docx)
    {
        using var doc = Open(docx);
        return [.. new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    private static SortedDictionary<string, string> PartContents(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            parts[entry.FullName] = Convert.ToBase64String(copy.ToArray());
        }

        return parts;
    }

    private static IEnumerable<SdtElement> Controls(OpenXmlElement scope) => scope.Descendants<SdtElement>().Where(c => TagOf(c) is not null);

    private static string? TagOf(SdtElement control) => control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    private static string TextOf(SdtElement control) => string.Concat(control.Descendants<Text>().Select(t => t.Text));

    private static List<SdtRow> Items(OpenXmlElement body, string repeatTag) =>
        [.. Controls(body).OfType<SdtRow>().Single(c => TagOf(c) == repeatTag).SdtContentRow!.Elements<SdtRow>()];

    private static FieldKind KindOf(SdtElement control)
    {
        var props = control.SdtProperties!;
        return props.GetFirstChild<SdtContentText>() is not null ? FieldKind.Text
            : props.GetFirstChild<SdtContentDate>() is not null ? FieldKind.Date
            : props.GetFirstChild<SdtContentDropDownList>() is not null ? FieldKind.List
            : props.GetFirstChild<W14.SdtContentCheckBox>() is not null ? FieldKind.Check
            : props.GetFirstChild<SdtContentPicture>() is not null ? FieldKind.Picture
            : FieldKind.Rich;
    }

    private static XElement? MarkerPart(WordprocessingDocument doc)
    {
        foreach (var part in doc.MainDocumentPart!.CustomXmlParts)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            var root = XDocument.Load(stream).Root;
            if (root?.Name.NamespaceName == ApplicationForm.MarkerNamespace)
            {
                return root;
            }
        }

        return null;
    }

    private static Dictionary<string, string> DocumentProperties(WordprocessingDocument doc) =>
        doc.CustomFilePropertiesPart!.Properties!.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
}
