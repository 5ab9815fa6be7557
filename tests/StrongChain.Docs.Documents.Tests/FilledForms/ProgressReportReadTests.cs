using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Reports;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.FilledForms;

/// <summary>
/// Progress report round trip (issue 12): the template, filled by our own writer, as Word edits it, and as LibreOffice really
/// saved it, read through the guarded reader into <see cref="ProgressReportRecord"/> and checked against the consortium.
/// </summary>
public sealed class ProgressReportReadTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static ProgressReportCheck Check(string fixture) =>
        ProgressReportRules.Check(FilledFormReader.Read(TestAssets.Read(fixture), ProgressReportForm.Catalogue), SampleReports.Consortium);

    [Fact]
    public void Committed_report_fixtures_match_what_the_generator_writes_now()
    {
        Assert.Equal(TestAssets.Read(TestReports.Template), SampleReports.Template());
        Assert.Equal(TestAssets.Read(TestReports.OtherMilestone), SampleReports.Template(2));
        using var complete = SampleReports.Filled();
        Assert.Equal(TestAssets.Read(TestReports.Complete), complete.ToBytes());
        using var edited = SampleReports.WordEdited();
        Assert.Equal(TestAssets.Read(TestReports.WordEdited), edited.ToBytes());
    }

    [Fact]
    public void Template_prefills_the_facts_in_controls_locked_against_deletion_and_editing()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(SampleReports.Template()), false);
        var controls = document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Where(s => s.SdtProperties?.GetFirstChild<Tag>() is not null)
            .ToDictionary(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!, s => s);

        foreach (var field in ProgressReportForm.Fields.Where(f => f.Locked))
        {
            var lockValue = controls[field.Tag].SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>()?.Val?.Value;
            Assert.Equal(LockingValues.SdtContentLocked, lockValue);
        }

        Assert.Equal(SampleReports.ConsortiumId, controls[ProgressReportForm.ConsortiumIdTag].InnerText);
        Assert.Equal("1", controls[ProgressReportForm.MilestoneNumberTag].InnerText);
        Assert.Equal("2021-12-31", controls["milestone.due"].InnerText);
        Assert.Equal("2021-03-01 至 2023-02-28", controls["project.period"].InnerText);
        Assert.Equal(["设备费 200.00", "材料费 120.00", "测试化验加工费 80.00", "劳务费 100.00"],
            controls["budget.items"].Descendants<Paragraph>().Select(p => p.InnerText));
        // Every catalogue field has exactly one control (one spend row to start with); the fill-in ones show placeholders.
        Assert.Equal(ProgressReportForm.Fields.Select(f => f.Tag).Order(StringComparer.Ordinal), controls.Keys.Where(k => k != "spendItems").Order(StringComparer.Ordinal));
        Assert.NotNull(controls["report.status"].SdtProperties!.GetFirstChild<SdtContentDropDownList>());
        Assert.NotNull(controls["report.achievedOn"].SdtProperties!.GetFirstChild<SdtContentDate>());
    }

    [Fact]
    public void Filled_report_reads_to_its_golden_record_with_no_findings()
    {
        var check = Check(TestReports.Complete);

        Assert.Empty(check.Findings);
        Golden.AssertText("progress-report-complete.json", JsonSerializer.Serialize(check.Record, Json));
    }

    [Fact]
    public void Word_edited_report_reads_as_typed_split_runs_joined_insertions_kept_deletions_dropped_empty_row_ignored()
    {
        var clean = Check(TestReports.Complete).Record;
        var check = Check(TestReports.WordEdited);

        Assert.Empty(check.Findings);
        Assert.Equal(clean with { WorkDone = clean.WorkDone + SampleReports.WorkDoneInserted, Spend = check.Record.Spend }, check.Record);
        Assert.Equal(clean.Spend, check.Record.Spend);
        Assert.Equal(SampleReports.ContactName, check.Record.Contact.Name);
        Assert.Equal("无", check.Record.Problems);
        Assert.Equal(3, FilledFormReader.Read(TestAssets.Read(TestReports.WordEdited), ProgressReportForm.Catalogue).RepeatItems["spendItems"]);
    }

    [Fact]
    public void LibreOffice_saved_report_is_recovered_by_label_with_a_warning_on_every_recovered_value()
    {
        var form = FilledFormReader.Read(TestAssets.Read(TestReports.LibreOffice), ProgressReportForm.Catalogue);
        var check = ProgressReportRules.Check(form, SampleReports.Consortium);

        Assert.NotNull(form.Recovery);
        Assert.True(form.Recovery!.Readable);
        Assert.StartsWith("LibreOffice", form.SavedBy, StringComparison.Ordinal);
        // The same record as Word's (LibreOffice turned the controls into plain text and fields; the labels found them again).
        Assert.Equal(Check(TestReports.Complete).Record with { Spend = check.Record.Spend }, check.Record);
        Assert.Equal(Check(TestReports.Complete).Record.Spend, check.Record.Spend);
        Assert.DoesNotContain(check.Findings, f => f.Severity == Severity.Error);
        var recovered = check.Findings.Where(f => f.Code == ProgressReportCodes.RecoveredByLabel).Select(f => f.Field).ToHashSet();
        // One warning per value the lead unit typed, each without an ordinal (no control carries the tag any more).
        Assert.Superset(SampleReports.CompleteValues.Keys.ToHashSet(), recovered);
        Assert.All(check.Findings, f => Assert.Null(f.Ordinal));
    }

    [Fact]
    public void Application_form_and_foreign_documents_are_not_read_as_reports()
    {
        var application = FilledFormReader.Read(TestAssets.Read(TestForms.CompleteValid), ProgressReportForm.Catalogue);
        var record = ProgressReportRules.Read(application);

        Assert.Null(record.ConsortiumId);
        Assert.False(application.Recovery?.Readable ?? false);
    }

    [Fact]
    public void Bad_files_are_rejected_by_the_same_guard_as_applications()
    {
        Assert.Equal("macro-enabled", Assert.Throws<DocumentRejectedException>(() => FilledFormReader.Read(BadUploads.MacroEnabled, ProgressReportForm.Catalogue)).Code);
        Assert.Throws<DocumentRejectedException>(() => FilledFormReader.Read(BadUploads.PlainText, ProgressReportForm.Catalogue));
    }

    [Fact]
    public void Report_for_another_milestone_carries_its_own_milestone_number()
    {
        var record = ProgressReportRules.Read(FilledFormReader.Read(TestAssets.Read(TestReports.OtherMilestone), ProgressReportForm.Catalogue));

        Assert.Equal((SampleReports.ConsortiumId, 2), (record.ConsortiumId, record.MilestoneNumber));
    }

    [Fact]
    public void Template_build_is_deterministic()
    {
        Assert.Equal(ProgressReportFormTemplate.Build(SampleReports.Consortium, SampleReports.Consortium.Milestones[0]), SampleReports.Template());
    }
}
