using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Testing;

/// <summary>
/// Filled forms for tests: a complete, valid application by a fictitious enterprise (示例…) with one
/// university as joint applicant, and variants of it. Every organisation and person here is invented.
/// </summary>
public static class SampleForms
{
    // Lead applicant (企业, Beijing, Haidian: division 110108).
    public const string ApplicantName = "示例智能医疗科技有限公司";
    public const string ApplicantCreditCode = "91110108MA01C8QX20";
    public const string ApplicantOrgType = "企业";
    public const string ApplicantRegion = "北京市";
    public const string LegalRepresentative = "赵文博";
    public const string Established = "2015-06-18";
    public const string Address = "北京市海淀区示例路1号示例大厦5层";
    public const string ContactName = "刘晓雯";
    public const string ContactPhone = "13800138000";
    public const string ContactEmail = "apply@example.com";
    public const string StaffCount = "260";
    public const string RdStaffCount = "85";
    public const string LastYearRevenue = "12500.00";
    public const string LastYearRdSpend = "1860.50";
    public const string TransformationRecord =
        "公司近三年完成手术导航定位系统、康复机器人等3项产品的注册与产业化，累计实现销售收入2.6亿元，与多家三甲医院建立了产学研医合作关系，具备将研发成果转化为合格医疗器械产品的完整体系。";

    // Joint applicants.
    public const string CoApplicantName = "示例理工大学";
    public const string CoApplicantCreditCode = "121100004000012K7W";
    public const string CoApplicantOrgType = "高等院校";
    public const string SecondCoApplicantName = "示例医学工程研究院";
    public const string SecondCoApplicantCreditCode = "123100004250013X8G";
    public const string SecondCoApplicantOrgType = "科研院所";

    public const string PriorCooperation = "无";

    // Technical plan.
    public const string Summary =
        "本项目面向骨科与神经外科手术对高精度、高安全性医用机械臂的需求，研制七自由度力控医用机械臂。项目突破关节力矩传感、柔顺控制与碰撞检测等关键技术，实现末端定位精度优于0.5毫米、力控分辨率优于0.1牛，形成具有自主知识产权的机械臂本体、控制器及软件系统，并在发榜企业手术机器人平台上完成集成验证，实现关键部件国产化替代。";
    public const string Approach =
        "第一阶段完成七自由度构型优化与一体化关节模组设计。第二阶段研制关节力矩传感器与柔顺控制算法，完成样机集成。第三阶段开展型式检验与临床前验证，形成量产工艺。";
    public const string Foundation =
        "团队长期从事医疗机器人与精密传动研究，拥有关节模组、力控算法相关发明专利12项。\n已建成机器人性能测试平台和洁净装配线，具备小批量试制能力。";
    public const string LeaderName = "李明远";
    public const string LeaderTitle = "教授级高级工程师";
    public const string LeaderPhone = "13912345678";
    public const string ProjectStart = "2021-03-01";
    public const string ProjectEnd = "2023-02-28";

    // Budget (万元): 300 + 100 + 100 = 500; support 100 ≤ 0.30 × 400 = 120.
    public const string BudgetTotal = "500.00";
    public const string IssuerFunds = "300.00";
    public const string ApplicantFunds = "100.00";
    public const string RequestedSupport = "100.00";

    public const string SignDate = "2021-01-15";

    /// <summary>Text deleted with tracking in plan.leaderName of the word-quirks form: must not be read.</summary>
    public const string DeletedLeaderText = "华";

    /// <summary>Every text, rich, date and list value of the complete valid form, by path.</summary>
    public static IReadOnlyDictionary<string, string> CompleteValidValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["applicant.name"] = ApplicantName,
        ["applicant.creditCode"] = ApplicantCreditCode,
        ["applicant.orgType"] = ApplicantOrgType,
        ["applicant.region"] = ApplicantRegion,
        ["applicant.legalRepresentative"] = LegalRepresentative,
        ["applicant.established"] = Established,
        ["applicant.address"] = Address,
        ["applicant.contactName"] = ContactName,
        ["applicant.contactPhone"] = ContactPhone,
        ["applicant.contactEmail"] = ContactEmail,
        ["applicant.staffCount"] = StaffCount,
        ["applicant.rdStaffCount"] = RdStaffCount,
        ["applicant.lastYearRevenue"] = LastYearRevenue,
        ["applicant.lastYearRdSpend"] = LastYearRdSpend,
        ["applicant.transformationRecord"] = TransformationRecord,

        ["coApplicants[0].name"] = CoApplicantName,
        ["coApplicants[0].creditCode"] = CoApplicantCreditCode,
        ["coApplicants[0].orgType"] = CoApplicantOrgType,
        ["coApplicants[0].region"] = "北京市",
        ["coApplicants[0].task"] = "负责关节力矩传感与柔顺控制算法研究，完成控制器软件开发与算法验证。",
        ["coApplicants[0].contactName"] = "孙明哲",
        ["coApplicants[0].contactPhone"] = "010-62781234",

        ["priorCooperation"] = PriorCooperation,

        ["plan.summary"] = Summary,
        ["plan.approach"] = Approach,
        ["plan.foundation"] = Foundation,
        ["plan.leaderName"] = LeaderName,
        ["plan.leaderTitle"] = LeaderTitle,
        ["plan.leaderPhone"] = LeaderPhone,
        ["project.start"] = ProjectStart,
        ["project.end"] = ProjectEnd,

        ["indicators[0].name"] = "末端重复定位精度",
        ["indicators[0].target"] = "≤0.5 mm",
        ["indicators[1].name"] = "关节力矩控制分辨率",
        ["indicators[1].target"] = "≤0.1 N·m",

        ["milestones[0].name"] = "完成样机设计与关节模组研制",
        ["milestones[0].due"] = "2021-12-31",
        ["milestones[0].deliverable"] = "设计报告、关节模组样件",
        ["milestones[1].name"] = "完成整机集成与临床前验证",
        ["milestones[1].due"] = "2022-12-31",
        ["milestones[1].deliverable"] = "整机样机、型式检验报告",

        ["team[0].name"] = LeaderName,
        ["team[0].title"] = LeaderTitle,
        ["team[0].organization"] = ApplicantName,
        ["team[0].role"] = "项目负责人，总体方案",
        ["team[1].name"] = "周子涵",
        ["team[1].title"] = "教授",
        ["team[1].organization"] = CoApplicantName,
        ["team[1].role"] = "力控算法研究",
        ["team[2].name"] = "吴佳琪",
        ["team[2].title"] = "高级工程师",
        ["team[2].organization"] = ApplicantName,
        ["team[2].role"] = "系统集成与测试",

        ["budget.total"] = BudgetTotal,
        ["budget.issuerFunds"] = IssuerFunds,
        ["budget.applicantFunds"] = ApplicantFunds,
        ["budget.requestedSupport"] = RequestedSupport,
        ["budgetItems[0].category"] = "设备费",
        ["budgetItems[0].amount"] = "200.00",
        ["budgetItems[0].note"] = "力控测试台、六维力传感器",
        ["budgetItems[1].category"] = "材料费",
        ["budgetItems[1].amount"] = "120.00",
        ["budgetItems[1].note"] = "关节模组、结构件",
        ["budgetItems[2].category"] = "测试化验加工费",
        ["budgetItems[2].amount"] = "80.00",
        ["budgetItems[2].note"] = "型式检验、电磁兼容测试",
        ["budgetItems[3].category"] = "劳务费",
        ["budgetItems[3].amount"] = "100.00",
        ["budgetItems[3].note"] = "研究生及临时聘用人员",

        ["sign.legalRepresentative"] = LegalRepresentative,
        ["sign.date"] = SignDate,
    };

    /// <summary>The second joint applicant of <see cref="TwoCoApplicants(Round, Demand)"/>, by path.</summary>
    public static IReadOnlyDictionary<string, string> SecondCoApplicantValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["coApplicants[1].name"] = SecondCoApplicantName,
        ["coApplicants[1].creditCode"] = SecondCoApplicantCreditCode,
        ["coApplicants[1].orgType"] = SecondCoApplicantOrgType,
        ["coApplicants[1].region"] = "上海市",
        ["coApplicants[1].task"] = "负责机械臂临床前动物实验与安全性评价。",
        ["coApplicants[1].contactName"] = "钱雨桐",
        ["coApplicants[1].contactPhone"] = "021-54321234",
    };

    /// <summary>What the word-quirks form reads as: the complete values, plan.approach with its tab and line break.</summary>
    public static IReadOnlyDictionary<string, string> WordQuirksValues { get; } =
        new Dictionary<string, string>(CompleteValidValues, StringComparer.Ordinal)
        {
            ["plan.approach"] = FormFiller.TabAndBreakText(Approach),
        };

    /// <summary>The four declarations: all ticked in the complete form.</summary>
    public static IReadOnlyList<string> DeclarationTags { get; } = [.. ApplicationForm.Declarations.Select(d => d.Tag)];

    public static FormFiller CompleteValidForm() => CompleteValidForm(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>Every field filled with valid data; all declarations ticked; seal set.</summary>
    public static FormFiller CompleteValidForm(Round round, Demand demand)
    {
        var filler = FormFiller.FromTemplate(round, demand);
        Fill(filler, CompleteValidValues);
        foreach (var tag in DeclarationTags)
        {
            filler.Check(tag);
        }

        return filler.SetPicture("sign.seal");
    }

    public static FormFiller TwoCoApplicants() => TwoCoApplicants(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>The complete form with a second joint applicant (a 科研院所 in Shanghai).</summary>
    public static FormFiller TwoCoApplicants(Round round, Demand demand)
    {
        var filler = CompleteValidForm(round, demand).AddRepeatItem("coApplicants");
        Fill(filler, SecondCoApplicantValues);
        return filler;
    }

    public static FormFiller WordQuirks() => WordQuirks(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>
    /// The complete form as Word and people really leave it: split runs, tracked changes, tab and
    /// break, a field, a smart tag, a removed lock (value unchanged), an empty extra item, pasted formatting.
    /// </summary>
    public static FormFiller WordQuirks(Round round, Demand demand) => CompleteValidForm(round, demand)
        .SplitRunsWithProofErr("applicant.name")
        .Set("plan.leaderName", LeaderName[..^1])
        .TrackedDeletion("plan.leaderName", DeletedLeaderText)
        .TrackedInsertion("plan.leaderName", LeaderName[^1..])
        .InsertTabAndBreak("plan.approach")
        .InsertField("applicant.address")
        .WrapInSmartTag("applicant.contactName")
        .RemoveLock("demand.sector")
        .LeaveEmptyRepeatItem("coApplicants")
        .PasteFormatted("plan.foundation", Foundation);

    public static FormFiller CustomXmlStripped() => CustomXmlStripped(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>The complete form after an editor dropped our custom XML part (document properties kept).</summary>
    public static FormFiller CustomXmlStripped(Round round, Demand demand) => CompleteValidForm(round, demand).StripCustomXmlPart();

    public static FormFiller TagsStripped() => TagsStripped(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>The complete form with our custom XML part and every control's tag removed (markers left in the document properties).</summary>
    public static FormFiller TagsStripped(Round round, Demand demand) => CompleteValidForm(round, demand).StripCustomXmlPart().StripTags();

    public static FormFiller LayoutLost() => LayoutLost(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>The tags-stripped form whose tables are gone too: neither tags nor labels are left to read values by.</summary>
    public static FormFiller LayoutLost(Round round, Demand demand) => TagsStripped(round, demand).RemoveTables();

    public static FormFiller MissingFields() => MissingFields(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm);

    /// <summary>The template with only applicant.name filled.</summary>
    public static FormFiller MissingFields(Round round, Demand demand) =>
        FormFiller.FromTemplate(round, demand).Set("applicant.name", ApplicantName);

    /// <summary>A GB 32100-2015 code: the 17 given characters plus their check character.</summary>
    public static string WithCheckCharacter(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            sum += (value >= 0 ? value : throw new ArgumentException($"Invalid character {first17[i]}.", nameof(first17))) * weights[i];
        }

        var check = 31 - (sum % 31);
        return first17 + alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Fills values by path, adding repeat items as needed (items start at one).</summary>
    public static void Fill(FormFiller filler, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(filler);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (path, text) in values)
        {
            var open = path.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                filler.Set(path, text);
                continue;
            }

            var repeatTag = path[..open];
            var index = int.Parse(path[(open + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            while (filler.ItemCount(repeatTag) <= index)
            {
                filler.AddRepeatItem(repeatTag);
            }

            filler.SetIn(repeatTag, index, ApplicationForm.TagOfPath(path), text);
        }
    }
}
