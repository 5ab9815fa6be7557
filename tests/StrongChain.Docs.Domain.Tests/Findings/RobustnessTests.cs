using System.Text;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

/// <summary>User data never makes the rules throw: property-style runs over random and hostile values.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Nasty =
    [
        "", " ", "\u3000", "\n\n", "\0", "null", "-", "--1", "1e10", "NaN", "∞", "9999-99-99", "0000-00-00", "2021-02-29",
        "2021-01-15T", "99999999999999999999999999999999999", "-99999999999999999999999.99", "1,2,3", ",", ".", "万元", "万",
        "７９２２２２２２２２２２２２２２２２２", "92110108MA00ABC12F", "91710000MA0012345X", "☒", "😀😀", "\uD800", "请输入整数",
        new string('字', 5000), "<w:t>", "{label}", "无。", "香港特别行政区", "境外", "企业", "高等院校", "2021-02-10", "1,000,000.00",
    ];

    [Fact]
    public void Random_values_in_every_field_never_throw()
    {
        var random = new Random(20201228);
        for (var run = 0; run < 400; run++)
        {
            var values = new List<FilledValue>();
            var ordinals = new Dictionary<string, int>();
            foreach (var field in ApplicationForm.Fields)
            {
                var copies = field.Repeat is null ? 1 : random.Next(0, 7);
                for (var i = 0; i < copies; i++)
                {
                    var ordinal = ordinals.GetValueOrDefault(field.Tag);
                    ordinals[field.Tag] = ordinal + 1;
                    var item = random.Next(0, 3) == 0 ? random.Next(0, 9) : i;
                    values.Add(new FilledValue(
                        ApplicationForm.PathOf(field, item),
                        field.Tag,
                        ordinal,
                        Pick(random, field),
                        random.Next(3) switch { 0 => null, 1 => true, _ => false },
                        random.Next(5) == 0,
                        random.Next(2) == 0));
                }
            }

            var form = new FilledForm(
                new FormMarkers(ApplicationForm.TemplateVersion, TestData.Round.Id, TestData.Demand.Id, true, true),
                values.OrderBy(_ => random.Next(4)).ToList(),
                new Dictionary<string, int> { ["coApplicants"] = random.Next(0, 9) });

            var check = TestData.Check(form, TestData.Now.AddDays(random.Next(-100, 100)));

            Assert.All(check.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        }
    }

    [Fact]
    public void Hostile_paths_tags_and_nulls_never_throw()
    {
        FilledValue[] values =
        [
            new("coApplicants[abc].name", "coApplicant.name", 0, "x", null, false),
            new("coApplicants[99999999999].name", "coApplicant.name", 1, "x", null, false),
            new("coApplicants[-1].name", "coApplicant.name", 2, "x", null, false),
            new("indicators[0].name", "coApplicant.name", 3, "x", null, false),
            new("no.such", "no.such", 0, "x", null, false),
            new("applicant.name", "applicant.name", -5, null!, null, false),
            new(null!, "applicant.region", 0, "北京市", null, false),
            new("applicant.name", null!, 0, "x", null, false),
            null!,
        ];
        var forms = new[]
        {
            new FilledForm(new FormMarkers("1.0", "2020-01", "QL2020-BM-02", true, true), values, new Dictionary<string, int>()),
            new FilledForm(null!, values, null!),
            new FilledForm(new FormMarkers("1.0", null, "QL2020-BM-02", false, true), null!, null!),
        };
        var strangeRound = TestData.Round with { TimeZone = "Mars/Olympus_Mons", MaxCoApplicants = -1, MaxProjectMonths = int.MaxValue, SupportRatio = -1m };

        foreach (var form in forms)
        {
            _ = TestData.Check(form);
            _ = TestData.Check(form, round: strangeRound);
        }
    }

    [Fact]
    public void Random_strings_through_the_valid_form_never_throw()
    {
        var random = new Random(42);
        var paths = FilledFormBuilder.Valid().Build().Values.Select(v => v.Path).ToList();
        for (var run = 0; run < 300; run++)
        {
            var builder = FilledFormBuilder.Valid();
            foreach (var path in paths.Where(_ => random.Next(3) == 0))
            {
                builder.Text(path, RandomString(random));
            }

            _ = TestData.Check(builder);
        }
    }

    private const string Digitish = "0123456789,.-/年月日万元T";

    private static string Pick(Random random, FormField field) => random.Next(4) switch
    {
        0 => Nasty[random.Next(Nasty.Length)],
        1 when field.Options.Count > 0 => field.Options[random.Next(field.Options.Count)],
        _ => RandomString(random),
    };

    private static string RandomString(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x4E00, 0x9FA5),
                2 => (char)random.Next(0xFF01, 0xFF5E),
                3 => Digitish[random.Next(Digitish.Length)],
                _ => (char)random.Next(0, 0xFFFF),
            });
        }

        return sb.ToString();
    }
}
