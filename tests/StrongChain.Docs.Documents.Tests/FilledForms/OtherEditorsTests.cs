using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.FilledForms;

/// <summary>
/// Forms that went through another editor (committed fixtures LibreOffice 7.4 really wrote, and forms with tags or the
/// custom XML part stripped): detected, read back by label, never a flood of <c>required</c>.
/// </summary>
public sealed class OtherEditorsTests
{
    private static readonly DateTimeOffset InsideWindow = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> RecoverableForms() =>
        [TestForms.LibreOfficeDocx, TestForms.LibreOfficeTwice, TestForms.LibreOfficeOdtDocx, TestForms.TagsStripped];

    [Theory]
    [MemberData(nameof(RecoverableForms))]
    public void A_complete_form_saved_by_another_editor_reads_back_as_the_same_record(string form)
    {
        var original = Check(TestForms.CompleteValid).Record;

        var recovered = Check(form).Record;

        Assert.True(recovered.Recovered);
        AssertSameRecord(original, recovered);
    }

    [Theory]
    [MemberData(nameof(RecoverableForms))]
    public void A_recovered_complete_form_has_only_recovered_by_label_warnings(string form)
    {
        var check = Check(form);

        Assert.True(check.Complete, string.Join("\n", check.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Field} {f.Code}")));
        Assert.All(check.Findings, f => Assert.Equal(FindingCodes.RecoveredByLabel, f.Code));
        Assert.All(check.Findings, f => Assert.Null(f.Ordinal));
        Assert.Contains(check.Findings, f => f.Field == "applicant.name" && f.Tag == "applicant.name" && f.Severity == Severity.Warning);
        Assert.Contains(check.Findings, f => f.Field == "team[2].organization" && f.Tag == "member.organization");
        Assert.Contains(check.Findings, f => f.Field == "decl.truthful");
    }

    [Fact]
    public void The_finding_names_the_editor_from_the_app_properties()
    {
        var check = Check(TestForms.LibreOfficeDocx);

        var warning = check.Findings.First(f => f.Field == "applicant.name");
        Assert.Contains("LibreOffice/7.4", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$", warning.Message, StringComparison.Ordinal);
        Assert.Contains("LibreOffice/7.4", warning.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_keeps_the_markers_but_drops_every_tag()
    {
        var form = FilledFormReader.Read(TestAssets.Read(TestForms.LibreOfficeDocx));

        Assert.True(form.Markers.InCustomXmlPart);
        Assert.True(form.Markers.InDocumentProperties);
        Assert.StartsWith("LibreOffice/7.4", form.SavedBy, StringComparison.Ordinal);
        Assert.NotNull(form.Recovery);
        Assert.DoesNotContain(Documents.ContentControls.ContentControlReader.Read(TestAssets.Read(TestForms.LibreOfficeDocx)), c => c.Tag is not null);
    }

    [Fact]
    public void Two_co_applicants_come_back_as_two_rows_of_their_table()
    {
        var original = Check(TestForms.TwoCoApplicants).Record;

        var recovered = Check(TestForms.LibreOfficeTwoCoApplicants).Record;

        Assert.Equal(2, recovered.CoApplicants.Count);
        AssertSameRecord(original, recovered);
    }

    [Fact]
    public void An_almost_empty_form_saved_by_LibreOffice_says_what_is_missing_not_that_it_was_lost()
    {
        var check = Check(TestForms.LibreOfficeMissingFields);

        Assert.True(check.Record.Recovered);
        Assert.Equal(SampleForms.ApplicantName, check.Record.Applicant.Name);
        Assert.DoesNotContain(check.Findings, f => f.Code is FindingCodes.FormStructureLost or FindingCodes.NotRecovered);
        Assert.Contains(check.Findings, f => f.Field == "applicant.creditCode" && f.Code == FindingCodes.Required);

        // Placeholder text that LibreOffice turned into plain text is no value.
        Assert.Null(check.Record.Applicant.Address);
        Assert.Null(check.Record.Plan.Summary);
    }

    [Fact]
    public void A_form_without_tags_or_labels_gets_one_form_structure_lost_error_naming_what_to_do()
    {
        var check = Check(TestForms.LayoutLost);

        var finding = Assert.Single(check.Findings);
        Assert.Equal(FindingCodes.FormStructureLost, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("", finding.Field);
        Assert.Null(finding.Ordinal);
        Assert.Contains("Microsoft Word", finding.Message, StringComparison.Ordinal);
        Assert.Contains("网页填报", finding.Message, StringComparison.Ordinal);
        Assert.Contains("重新下载", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_section_is_named_as_not_recovered_instead_of_required()
    {
        using var filler = SampleForms.TagsStripped();
        var bytes = filler.ToBytes();
        var form = FilledFormReader.Read(bytes);

        // Drop the budget table (label rows) from the layout the reader saw: its values are unknown, not empty.
        var recovered = Domain.FilledForms.LabelRecovery.Recover(form, [.. Layout(bytes).Where(b => b.Rows is null || !b.Rows.Any(r => r.Count == 2 && r[0].Text == "总预算"))]);
        var check = ApplicationRules.Check(recovered, SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, InsideWindow);

        Assert.Contains(check.Findings, f => f.Field == "budget.total" && f.Code == FindingCodes.NotRecovered && f.Severity == Severity.Error);
        Assert.DoesNotContain(check.Findings, f => f.Field == "budget.total" && f.Code == FindingCodes.Required);
        Assert.Null(check.Record.Budget.Total);
        Assert.Equal(4, check.Record.Budget.Items.Count);
    }

    [Fact]
    public void A_form_filled_in_Word_is_never_read_by_label()
    {
        foreach (var fixture in new[] { TestForms.CompleteValid, TestForms.WordQuirks, TestForms.CustomXmlStripped, TestForms.MissingFields, TestForms.Template })
        {
            var form = FilledFormReader.Read(TestAssets.Read(fixture));

            Assert.Null(form.Recovery);
            Assert.False(ApplicationRecordBuilder.Build(form).Record.Recovered);
        }
    }

    private static IReadOnlyList<Domain.FilledForms.LayoutBlock> Layout(byte[] docx) => LayoutReader.Read(docx, "word/document.xml");

    /// <summary>Field by field, so a failure names the field.</summary>
    private static void AssertSameRecord(ApplicationRecord expected, ApplicationRecord actual)
    {
        Assert.Equal(expected.Form, actual.Form);
        Assert.Equal(expected.Demand, actual.Demand);
        Assert.Equal(expected.Applicant, actual.Applicant);
        Assert.Equal(expected.CoApplicants, actual.CoApplicants);
        Assert.Equal(expected.Declarations, actual.Declarations);
        Assert.Equal(expected.PriorCooperation, actual.PriorCooperation);
        Assert.Equal(expected.Plan with { Indicators = [], Milestones = [], Team = [] }, actual.Plan with { Indicators = [], Milestones = [], Team = [] });
        Assert.Equal(expected.Plan.Indicators, actual.Plan.Indicators);
        Assert.Equal(expected.Plan.Milestones, actual.Plan.Milestones);
        Assert.Equal(expected.Plan.Team, actual.Plan.Team);
        Assert.Equal(expected.Budget with { Items = [] }, actual.Budget with { Items = [] });
        Assert.Equal(expected.Budget.Items, actual.Budget.Items);
        Assert.Equal(expected.Signature, actual.Signature);
    }

    private static ApplicationCheck Check(string form) => Check(TestAssets.Read(form));

    private static ApplicationCheck Check(byte[] docx) =>
        ApplicationRules.Check(FilledFormReader.Read(docx), SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, InsideWindow);
}
