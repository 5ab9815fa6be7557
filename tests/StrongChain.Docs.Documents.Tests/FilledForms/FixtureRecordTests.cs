using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.FilledForms;

/// <summary>
/// Golden JSON: each fixture form (made by the template, then changed the way Word changes it) read all the way
/// to record and findings. A change in any stage shows up here as a diff against the committed snapshot.
/// </summary>
public sealed class FixtureRecordTests
{
    private static readonly DateTimeOffset InsideWindow = new(2021, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> Forms() => [.. TestForms.All];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Fixture_form_reads_to_its_golden_record_and_findings(string form)
    {
        var check = Check(form);

        Snapshot.Match(AsGolden(JsonSerializer.Serialize(check, Json)), SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(form)));
    }

    [Fact]
    public void Word_quirks_change_nothing_but_what_the_person_typed()
    {
        var clean = Check(TestForms.CompleteValid).Record;
        var quirks = Check(TestForms.WordQuirks).Record;

        // Only plan.approach differs: the quirks fixture breaks its line (the leading tab is indentation, trimmed).
        Assert.Equal(clean.Applicant, quirks.Applicant);
        Assert.Equal(clean.Declarations, quirks.Declarations);
        Assert.Equal(clean.Budget.Total, quirks.Budget.Total);
        Assert.Equal(clean.CoApplicants.Count, quirks.CoApplicants.Count);
        Assert.Equal(clean.CoApplicants[0], quirks.CoApplicants[0]);
        Assert.Equal(clean.Demand, quirks.Demand);
        Assert.Equal(clean.Plan.LeaderName, quirks.Plan.LeaderName);
        Assert.Equal(clean.Plan.Foundation, quirks.Plan.Foundation);
        Assert.Equal(clean.Plan.Approach, quirks.Plan.Approach!.Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(clean.Signature, quirks.Signature);
    }

    [Fact]
    public void Stripped_custom_xml_part_reads_to_the_same_record()
    {
        var clean = JsonSerializer.Serialize(Check(TestForms.CompleteValid), Json);
        var stripped = JsonSerializer.Serialize(Check(TestForms.CustomXmlStripped), Json);

        Assert.Equal(clean, stripped);
    }

    [Fact]
    public void A_co_applicant_deleted_with_track_changes_reads_as_the_form_without_it()
    {
        using var filler = SampleForms.TwoCoApplicants().DeleteRepeatItemTracked("coApplicants", 1);

        var deleted = JsonSerializer.Serialize(Check(filler.ToBytes()), Json);

        Assert.Equal(JsonSerializer.Serialize(Check(TestForms.CompleteValid), Json), deleted);
    }

    [Fact]
    public void With_the_first_co_applicant_deleted_as_a_tracked_change_the_second_is_item_zero()
    {
        using var filler = SampleForms.TwoCoApplicants().DeleteRepeatItemTracked("coApplicants", 0);

        var record = Check(filler.ToBytes()).Record;

        Assert.Equal(Check(TestForms.TwoCoApplicants).Record.CoApplicants[1], Assert.Single(record.CoApplicants));
    }

    /// <summary>The API's JSON as Snapshooter's token, amounts kept as decimals (500.00, not 500.0) and dates as text.</summary>
    private static JToken AsGolden(string json) => Newtonsoft.Json.JsonConvert.DeserializeObject<JToken>(json, new Newtonsoft.Json.JsonSerializerSettings
    {
        FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
        DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
    })!;

    private static ApplicationCheck Check(string form) => Check(TestAssets.Read(form));

    private static ApplicationCheck Check(byte[] docx) =>
        ApplicationRules.Check(FilledFormReader.Read(docx), SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, InsideWindow);
}
