using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Tests.Support;

/// <summary>
/// Plays the reader: starts from a complete, valid form for <see cref="TestData.Demand"/> and lets a test change one
/// thing, so each test shows exactly the finding that change causes.
/// </summary>
public sealed class FilledFormBuilder
{
    /// <summary>A Beijing (Haidian) enterprise: 91 + 110108 + organisation code + computed check character.</summary>
    public static readonly string LeadCode = WithCheck("91110108MA01XY3K5");

    /// <summary>Tsinghua University's published code (机构编制, 事业单位, national-level division 100000).</summary>
    public const string CoCode = "12100000400000624D";

    public const string LeadName = "北京智感医疗机器人技术有限公司";
    public const string CoName = "清华大学";

    private readonly Dictionary<string, Entry> single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dictionary<string, Entry>>> items = new(StringComparer.Ordinal);
    private FormMarkers markers = new(ApplicationForm.TemplateVersion, TestData.Round.Id, TestData.Demand.Id, true, true);

    private FilledFormBuilder()
    {
    }

    public static string WithCheck(string first17) => first17 + UnifiedCreditCode.ComputeCheckCharacter(first17);

    public static FilledFormBuilder Valid()
    {
        var b = new FilledFormBuilder();
        b.Text("demand.id", TestData.Demand.Id)
            .Text("demand.title", TestData.Demand.Title)
            .Text("demand.issuer", TestData.Demand.Issuer)
            .Text("demand.sector", TestData.Demand.Sector)
            .Text("round.id", TestData.Round.Id)
            .Text("applicant.name", LeadName)
            .Text("applicant.creditCode", LeadCode)
            .Text("applicant.orgType", "企业")
            .Text("applicant.region", "北京市")
            .Text("applicant.legalRepresentative", "张明")
            .Text("applicant.established", "2015-06-18")
            .Text("applicant.address", "北京市海淀区中关村大街1号")
            .Text("applicant.contactName", "李华")
            .Text("applicant.contactPhone", "13800138000")
            .Text("applicant.contactEmail", "lihua@example.com")
            .Text("applicant.staffCount", "120")
            .Text("applicant.rdStaffCount", "45")
            .Text("applicant.lastYearRevenue", "3,250.00")
            .Text("applicant.lastYearRdSpend", "680.50")
            .Placeholder("applicant.transformationRecord")
            .Tick("decl.independentLegalPerson", true)
            .Tick("decl.firstCooperation", true)
            .Tick("decl.goodStanding", true)
            .Tick("decl.truthful", true)
            .Text("priorCooperation", "无")
            .Text("plan.summary", Summary)
            .Text("plan.approach", "采用阻抗控制与力位混合控制，结合术中光学导航实现亚毫米级定位。")
            .Text("plan.foundation", "团队具有十年手术机器人研发经验，已取得相关发明专利12项。")
            .Text("plan.leaderName", "赵磊")
            .Text("plan.leaderTitle", "研究员")
            .Text("plan.leaderPhone", "010-62781234")
            .Text("project.start", "2021-04-01")
            .Text("project.end", "2023-03-31")
            .Text("budget.total", "500.00")
            .Text("budget.issuerFunds", "300.00")
            .Text("budget.applicantFunds", "100.00")
            .Text("budget.requestedSupport", "100.00")
            .Text("sign.legalRepresentative", "张明")
            .Text("sign.date", "2021-01-20");
        b.single["sign.seal"] = new Entry("", null, false, true);
        b.AddItem("coApplicants", ("name", CoName), ("creditCode", CoCode), ("orgType", "高等院校"), ("region", "北京市"),
            ("task", "负责力控算法研究与系统集成测试"), ("contactName", "王强"), ("contactPhone", "010-62781234"));
        b.AddItem("indicators", ("name", "定位精度"), ("target", "≤0.5 mm"));
        b.AddItem("indicators", ("name", "末端负载"), ("target", "≥5 kg"));
        b.AddItem("milestones", ("name", "原理样机"), ("due", "2022-03-31"), ("deliverable", "原理样机1台"));
        b.AddItem("milestones", ("name", "工程样机"), ("due", "2023-03-31"), ("deliverable", "工程样机及第三方测试报告"));
        b.AddItem("team", ("name", "赵磊"), ("title", "研究员"), ("organization", LeadName), ("role", "项目负责人"));
        b.AddItem("team", ("name", "陈静"), ("title", "教授"), ("organization", CoName), ("role", "力控算法"));
        b.AddItem("budgetItems", ("category", "设备费"), ("amount", "200.00"), ("note", "力传感器与控制器"));
        b.AddItem("budgetItems", ("category", "材料费"), ("amount", "150.00"), ("note", "合金与加工件"));
        b.AddItem("budgetItems", ("category", "劳务费"), ("amount", "150.00"), ("note", "研究生与工程师劳务"));
        return b;
    }

    /// <summary>A 120-character summary (≥ 100 as required).</summary>
    public const string Summary =
        "本项目面向骨科与神经外科手术需求，研制多自由度力控医用机械臂。通过高精度关节力矩传感、阻抗控制算法与术中导航系统的深度融合，" +
        "实现术中稳定把持、精准定位与安全交互，形成具有自主知识产权的核心部件与整机方案，并完成临床前验证与注册检验准备工作。";

    /// <summary>Sets the visible text of a path (<c>applicant.name</c> or <c>coApplicants[0].name</c>).</summary>
    public FilledFormBuilder Text(string path, string text) => Put(path, new Entry(text, null, false, false));

    /// <summary>The control shows its placeholder (the applicant did not touch it).</summary>
    public FilledFormBuilder Placeholder(string path) => Put(path, new Entry("", null, true, false));

    public FilledFormBuilder Tick(string tag, bool on) => Put(tag, new Entry(on ? "☒" : "☐", on, false, false));

    public FilledFormBuilder NoSeal() => Put("sign.seal", new Entry("", null, true, false));

    /// <summary>The document lacks the control altogether (another editor dropped it).</summary>
    public FilledFormBuilder Remove(string path)
    {
        if (ParseItemPath(path) is { } p)
        {
            items[p.Repeat][p.Index].Remove(p.Name);
        }
        else
        {
            single.Remove(path);
        }

        return this;
    }

    /// <summary>Adds an item to a repeating section; children not given show their placeholder.</summary>
    public FilledFormBuilder AddItem(string repeat, params (string Name, string Text)[] values)
    {
        var section = ApplicationForm.FindRepeat(repeat) ?? throw new ArgumentException($"No repeating section {repeat}.");
        var item = ApplicationForm.FieldsOf(section).ToDictionary(f => f.Name, _ => new Entry("", null, true, false), StringComparer.Ordinal);
        foreach (var (name, text) in values)
        {
            item[name] = new Entry(text, null, false, false);
        }

        if (!items.TryGetValue(repeat, out var list))
        {
            items[repeat] = list = [];
        }

        list.Add(item);
        return this;
    }

    /// <summary>The item Word leaves behind: every child shows its placeholder.</summary>
    public FilledFormBuilder AddEmptyItem(string repeat) => AddItem(repeat);

    public FilledFormBuilder ClearItems(string repeat)
    {
        items[repeat] = [];
        return this;
    }

    public FilledFormBuilder Markers(FormMarkers value)
    {
        markers = value;
        return this;
    }

    /// <summary>Sets total, split and items together, so a budget test changes only what it means to.</summary>
    public FilledFormBuilder Budget(string total, string issuer, string applicant, string support, params string[] itemAmounts)
    {
        Text("budget.total", total).Text("budget.issuerFunds", issuer).Text("budget.applicantFunds", applicant).Text("budget.requestedSupport", support);
        ClearItems("budgetItems");
        foreach (var amount in itemAmounts)
        {
            AddItem("budgetItems", ("category", "设备费"), ("amount", amount), ("note", "说明"));
        }

        return this;
    }

    public FilledForm Build()
    {
        var values = new List<FilledValue>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ApplicationForm.Fields)
        {
            if (field.Repeat is null)
            {
                if (single.TryGetValue(field.Tag, out var entry))
                {
                    values.Add(entry.ToValue(field.Tag, field.Tag, Next(field.Tag)));
                }
            }
            else if (emitted.Add(field.Repeat) && items.TryGetValue(field.Repeat, out var list))
            {
                var children = ApplicationForm.FieldsOf(ApplicationForm.FindRepeat(field.Repeat)!).ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var child in children.Where(c => list[i].ContainsKey(c.Name)))
                    {
                        values.Add(list[i][child.Name].ToValue(ApplicationForm.PathOf(child, i), child.Tag, Next(child.Tag)));
                    }
                }
            }
        }

        return new FilledForm(markers, values, items.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal));

        int Next(string tag)
        {
            var n = ordinals.GetValueOrDefault(tag);
            ordinals[tag] = n + 1;
            return n;
        }
    }

    private FilledFormBuilder Put(string path, Entry entry)
    {
        if (ParseItemPath(path) is { } p)
        {
            items[p.Repeat][p.Index][p.Name] = entry;
        }
        else
        {
            single[path] = entry;
        }

        return this;
    }

    private static (string Repeat, int Index, string Name)? ParseItemPath(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var close = path.IndexOf("].", StringComparison.Ordinal);
        return (path[..open], int.Parse(path[(open + 1)..close], System.Globalization.CultureInfo.InvariantCulture), path[(close + 2)..]);
    }

    private sealed record Entry(string Text, bool? Checked, bool IsPlaceholder, bool HasImage)
    {
        public FilledValue ToValue(string path, string tag, int ordinal) => new(path, tag, ordinal, Text, Checked, IsPlaceholder, HasImage);
    }
}
