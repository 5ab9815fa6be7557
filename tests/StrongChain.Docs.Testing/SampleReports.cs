using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Consortia;

namespace StrongChain.Docs.Testing;

/// <summary>
/// Progress report samples (issue 12): the consortium formed from <see cref="SampleForms.CompleteValidForm()"/> (its parties,
/// budget items, project period and milestones), and the report form of its first milestone filled as a lead unit would.
/// </summary>
public static class SampleReports
{
    public const string ConsortiumId = "LHT-QL2020-BM-02-0001";
    public const string WorkDoneInserted = "并完成关节寿命试验。";
    public const string ContactName = "周示例";

    public static Consortium Consortium { get; } = new(
        ConsortiumId, "XY-QL2020-BM-02-0001", 1, "app-sample", 1, SampleProgramme.RoundId, SampleProgramme.DemandId,
        SampleProgramme.RoboticArm.Title, SampleProgramme.DemandSector,
        [
            new("甲方", "发榜企业", SampleProgramme.DemandIssuer, null),
            new("乙方", "牵头揭榜单位", SampleForms.ApplicantName, SampleForms.ApplicantCreditCode),
            new("丙方", "联合揭榜单位", SampleForms.CoApplicantName, SampleForms.CoApplicantCreditCode),
        ],
        new ConsortiumFunding(500m, 300m, 100m, 400m, 0.30m, 100m, 100m,
            [new("设备费", 200m), new("材料费", 120m), new("测试化验加工费", 80m), new("劳务费", 100m)]),
        new DateOnly(2021, 3, 1), new DateOnly(2023, 2, 28),
        [
            new(1, "完成样机设计与关节模组研制", new DateOnly(2021, 12, 31), "设计报告、关节模组样件"),
            new(2, "完成整机集成与临床前验证", new DateOnly(2022, 12, 31), "整机样机、型式检验报告"),
        ],
        new SignedCopy("XY-QL2020-BM-02-0001-v1-countersigned.pdf", "application/pdf", 3, new string('a', 64),
            new DateTimeOffset(2021, 3, 10, 2, 0, 0, TimeSpan.Zero), "staff"));

    /// <summary>What the lead unit types into the first milestone's form, by path (spend rows by item).</summary>
    public static IReadOnlyDictionary<string, string> CompleteValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["report.periodStart"] = "2021-03-01",
        ["report.periodEnd"] = "2021-12-31",
        ["report.status"] = "已完成",
        ["report.achievedOn"] = "2021-12-20",
        ["report.workDone"] = "完成力控关节样机设计与装配，完成六维力传感器标定。",
        ["report.problems"] = "无",
        ["report.nextSteps"] = "开展整机集成与型式检验。",
        ["spendItems[0].category"] = "设备费",
        ["spendItems[0].amount"] = "150.00",
        ["spendItems[0].note"] = "力控测试台",
        ["spendItems[1].category"] = "材料费",
        ["spendItems[1].amount"] = "60.50",
        ["spendItems[1].note"] = "关节模组",
        ["contact.name"] = ContactName,
        ["contact.phone"] = "010-62345678",
        ["contact.email"] = "report@example.cn",
        ["report.date"] = "2022-01-05",
    };

    /// <summary>The empty report form of a milestone of <see cref="Consortium"/>.</summary>
    public static byte[] Template(int milestone = 1) =>
        ProgressReportFormTemplate.Build(Consortium, Consortium.Milestones.Single(m => m.Number == milestone));

    /// <summary>The first milestone's form filled with <paramref name="values"/> (default <see cref="CompleteValues"/>) by our own writer.</summary>
    public static FormFiller Filled(byte[]? template = null, IReadOnlyDictionary<string, string>? values = null)
    {
        var filler = FormFiller.Open(template ?? Template());
        var entries = values ?? CompleteValues;
        var rows = entries.Keys.Where(k => k.StartsWith("spendItems[", StringComparison.Ordinal))
            .Select(k => int.Parse(k["spendItems[".Length..k.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() + 1;
        for (var i = 1; i < rows; i++)
        {
            filler.AddRepeatItem("spendItems");
        }

        foreach (var (path, text) in entries)
        {
            if (path.StartsWith("spendItems[", StringComparison.Ordinal))
            {
                var item = int.Parse(path["spendItems[".Length..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                filler.SetIn("spendItems", item, "spend." + path[(path.IndexOf("].", StringComparison.Ordinal) + 2)..], text);
            }
            else
            {
                filler.Set(path, text);
            }
        }

        return filler;
    }

    /// <summary>
    /// The complete report as Word leaves it: the contact's name split into runs by spell-check marks (<c>w:proofErr</c>),
    /// the work done with a tracked insertion (<see cref="WorkDoneInserted"/>, part of the value) and a tracked deletion (not),
    /// the problems field with the deletion only, and an empty third spend row left behind.
    /// </summary>
    public static FormFiller WordEdited() =>
        Filled()
            .SplitRunsWithProofErr("contact.name")
            .TrackedInsertion("report.workDone", WorkDoneInserted)
            .TrackedDeletion("report.workDone", "（草稿）")
            .TrackedDeletion("report.problems", "待补充")
            .LeaveEmptyRepeatItem("spendItems");
}
