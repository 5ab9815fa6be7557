namespace StrongChain.Docs.Domain.Forms;

/// <summary>
/// The task application form (揭榜任务申报书), template version <see cref="TemplateVersion"/>:
/// every section, field, tag, label and list of application-form.md, listed once.
/// </summary>
public static class ApplicationForm
{
    public const string TemplateVersion = "1.0";
    public const string MarkerNamespace = "urn:strongchain:application:v1";
    public const string Title = "揭榜任务申报书";
    public const string ProgrammeTitle = "中关村强链工程";
    public const string Issuer = "中关村科技园区管理委员会";

    public static readonly IReadOnlyList<string> OrgTypes = ["高等院校", "科研院所", "企业", "新型研发机构", "社会组织"];

    /// <summary>Org types that need a record of transferring results to industry (condition 2).</summary>
    public static readonly IReadOnlySet<string> ResearchOrgTypes = new HashSet<string> { "高等院校", "科研院所", "新型研发机构" };

    /// <summary>The 31 mainland provincial divisions with their GB/T 2260 codes.</summary>
    public static readonly IReadOnlyList<(string Name, string Code)> MainlandRegions =
    [
        ("北京市", "11"), ("天津市", "12"), ("河北省", "13"), ("山西省", "14"), ("内蒙古自治区", "15"),
        ("辽宁省", "21"), ("吉林省", "22"), ("黑龙江省", "23"),
        ("上海市", "31"), ("江苏省", "32"), ("浙江省", "33"), ("安徽省", "34"), ("福建省", "35"), ("江西省", "36"), ("山东省", "37"),
        ("河南省", "41"), ("湖北省", "42"), ("湖南省", "43"), ("广东省", "44"), ("广西壮族自治区", "45"), ("海南省", "46"),
        ("重庆市", "50"), ("四川省", "51"), ("贵州省", "52"), ("云南省", "53"), ("西藏自治区", "54"),
        ("陕西省", "61"), ("甘肃省", "62"), ("青海省", "63"), ("宁夏回族自治区", "64"), ("新疆维吾尔自治区", "65"),
    ];

    /// <summary>Regions on the list that are not eligible (not mainland China).</summary>
    public static readonly IReadOnlyList<string> NonMainlandRegions = ["香港特别行政区", "澳门特别行政区", "台湾地区", "境外"];

    public static readonly IReadOnlyList<string> Regions = [.. MainlandRegions.Select(r => r.Name), .. NonMainlandRegions];

    public static readonly IReadOnlyList<string> BudgetCategories =
        ["设备费", "材料费", "测试化验加工费", "燃料动力费", "差旅费", "会议费", "知识产权事务费", "劳务费", "专家咨询费", "其他"];

    public static readonly IReadOnlyList<FormSection> Sections =
    [
        new("demand", "一", "需求信息", "Demand"),
        new("applicant", "二", "揭榜单位基本信息", "Lead applicant"),
        new("coApplicants", "三", "联合揭榜单位", "Joint applicants"),
        new("declarations", "四", "承诺事项", "Declarations"),
        new("plan", "五", "技术方案", "Technical plan"),
        new("indicators", "六", "考核指标", "Indicators"),
        new("milestones", "七", "进度安排", "Milestones"),
        new("team", "八", "项目团队", "Project team"),
        new("budget", "九", "经费预算（万元）", "Budget (10k CNY)"),
        new("sign", "十", "签章", "Signature"),
    ];

    public static readonly IReadOnlyList<RepeatSection> Repeats =
    [
        new("coApplicants", "联合揭榜单位", "coApplicant", 0, "coApplicants"),
        new("indicators", "考核指标", "indicator", 1, "indicators"),
        new("milestones", "进度安排", "milestone", 1, "milestones"),
        new("team", "项目团队", "member", 1, "team"),
        new("budgetItems", "预算明细", "budgetItem", 1, "budget"),
    ];

    /// <summary>The four declarations (承诺事项): tag and the statement the applicant ticks.</summary>
    public static readonly IReadOnlyList<(string Tag, string Statement)> Declarations =
    [
        ("decl.independentLegalPerson", "本单位（含联合揭榜单位）为中国大陆境内注册、具有独立法人资格的单位"),
        ("decl.firstCooperation", "围绕本项技术需求，本单位（含联合揭榜单位）与发榜企业为首次实质研发合作"),
        ("decl.goodStanding", "经营状况良好，注重知识产权保护，无不良信用记录"),
        ("decl.truthful", "申报材料真实、准确、完整"),
    ];

    private static readonly IReadOnlyList<string> None = [];

    public static readonly IReadOnlyList<FormField> Fields =
    [
        // 一、需求信息 (pre-filled, content locked)
        new("demand.id", "需求编号", "Demand id", FieldKind.Text, "demand", "", None, Locked: true),
        new("demand.title", "技术需求名称", "Demand title", FieldKind.Text, "demand", "", None, Locked: true),
        new("demand.issuer", "发榜企业", "Issuing enterprise", FieldKind.Text, "demand", "", None, Locked: true),
        new("demand.sector", "产业领域", "Sector", FieldKind.Text, "demand", "", None, Locked: true),
        new("round.id", "发榜批次", "Round", FieldKind.Text, "demand", "", None, Locked: true),

        // 二、揭榜单位基本信息
        new("applicant.name", "单位名称", "Organisation name", FieldKind.Text, "applicant", "请输入单位全称（与营业执照或法人证书一致）", None),
        new("applicant.creditCode", "统一社会信用代码", "Unified social credit code", FieldKind.Text, "applicant", "请输入18位统一社会信用代码", None),
        new("applicant.orgType", "单位类型", "Organisation type", FieldKind.List, "applicant", "请选择单位类型", OrgTypes),
        new("applicant.region", "注册地", "Registered in", FieldKind.List, "applicant", "请选择注册地", Regions),
        new("applicant.legalRepresentative", "法定代表人", "Legal representative", FieldKind.Text, "applicant", "请输入法定代表人姓名", None),
        new("applicant.established", "成立日期", "Established", FieldKind.Date, "applicant", "请选择成立日期", None),
        new("applicant.address", "通讯地址", "Address", FieldKind.Text, "applicant", "请输入通讯地址", None),
        new("applicant.contactName", "联系人", "Contact", FieldKind.Text, "applicant", "请输入联系人姓名", None),
        new("applicant.contactPhone", "联系电话", "Contact phone", FieldKind.Text, "applicant", "请输入手机或座机号码", None),
        new("applicant.contactEmail", "电子邮箱", "E-mail", FieldKind.Text, "applicant", "请输入电子邮箱", None),
        new("applicant.staffCount", "职工总数", "Staff", FieldKind.Text, "applicant", "请输入整数", None),
        new("applicant.rdStaffCount", "研发人员数", "R&D staff", FieldKind.Text, "applicant", "请输入整数", None),
        new("applicant.lastYearRevenue", "上年度营业收入（万元）", "Revenue last year (10k CNY)", FieldKind.Text, "applicant", "请输入金额，保留两位小数", None),
        new("applicant.lastYearRdSpend", "上年度研发投入（万元）", "R&D spend last year (10k CNY)", FieldKind.Text, "applicant", "请输入金额，保留两位小数", None),
        new("applicant.transformationRecord", "成果转化基础", "Record of transferring results", FieldKind.Rich, "applicant", "高等院校、科研院所、新型研发机构请填写成果转化情况（不少于50字）", None),

        // 三、联合揭榜单位 (repeating)
        new("coApplicant.name", "单位名称", "Organisation name", FieldKind.Text, "coApplicants", "请输入联合揭榜单位全称", None, Repeat: "coApplicants"),
        new("coApplicant.creditCode", "统一社会信用代码", "Unified social credit code", FieldKind.Text, "coApplicants", "请输入18位统一社会信用代码", None, Repeat: "coApplicants"),
        new("coApplicant.orgType", "单位类型", "Organisation type", FieldKind.List, "coApplicants", "请选择单位类型", OrgTypes, Repeat: "coApplicants"),
        new("coApplicant.region", "注册地", "Registered in", FieldKind.List, "coApplicants", "请选择注册地", Regions, Repeat: "coApplicants"),
        new("coApplicant.task", "承担任务", "Tasks", FieldKind.Rich, "coApplicants", "请描述该单位承担的任务", None, Repeat: "coApplicants"),
        new("coApplicant.contactName", "联系人", "Contact", FieldKind.Text, "coApplicants", "请输入联系人姓名", None, Repeat: "coApplicants"),
        new("coApplicant.contactPhone", "联系电话", "Contact phone", FieldKind.Text, "coApplicants", "请输入手机或座机号码", None, Repeat: "coApplicants"),

        // 四、承诺事项
        .. Declarations.Select(d => new FormField(d.Tag, d.Statement, d.Tag, FieldKind.Check, "declarations", "", None)),
        new("priorCooperation", "与发榜企业以往合作情况", "Earlier cooperation with the issuer", FieldKind.Rich, "declarations", "如无，请填写“无”", None),

        // 五、技术方案
        new("plan.summary", "技术方案摘要", "Summary", FieldKind.Rich, "plan", "请概述技术方案（不少于100字）", None),
        new("plan.approach", "技术路线", "Approach", FieldKind.Rich, "plan", "请描述技术路线", None),
        new("plan.foundation", "研究基础与优势", "Foundation", FieldKind.Rich, "plan", "请描述研究基础与优势", None),
        new("plan.leaderName", "项目负责人", "Project leader", FieldKind.Text, "plan", "请输入项目负责人姓名", None),
        new("plan.leaderTitle", "职称/职务", "Title", FieldKind.Text, "plan", "请输入职称或职务", None),
        new("plan.leaderPhone", "负责人电话", "Leader phone", FieldKind.Text, "plan", "请输入手机或座机号码", None),
        new("project.start", "项目开始日期", "Project start", FieldKind.Date, "plan", "请选择开始日期", None),
        new("project.end", "项目结束日期", "Project end", FieldKind.Date, "plan", "请选择结束日期", None),

        // 六、考核指标 (repeating)
        new("indicator.name", "指标名称", "Indicator", FieldKind.Text, "indicators", "请输入指标名称", None, Repeat: "indicators"),
        new("indicator.target", "目标值", "Target", FieldKind.Text, "indicators", "请输入目标值", None, Repeat: "indicators"),

        // 七、进度安排 (repeating)
        new("milestone.name", "阶段任务", "Milestone", FieldKind.Text, "milestones", "请输入阶段任务", None, Repeat: "milestones"),
        new("milestone.due", "完成日期", "Due", FieldKind.Date, "milestones", "请选择完成日期", None, Repeat: "milestones"),
        new("milestone.deliverable", "阶段成果", "Deliverable", FieldKind.Text, "milestones", "请输入阶段成果", None, Repeat: "milestones"),

        // 八、项目团队 (repeating)
        new("member.name", "姓名", "Name", FieldKind.Text, "team", "姓名", None, Repeat: "team"),
        new("member.title", "职称/职务", "Title", FieldKind.Text, "team", "职称/职务", None, Repeat: "team"),
        new("member.organization", "所在单位", "Organisation", FieldKind.Text, "team", "所在单位", None, Repeat: "team"),
        new("member.role", "项目分工", "Role", FieldKind.Text, "team", "项目分工", None, Repeat: "team"),

        // 九、经费预算（万元）
        new("budget.total", "总预算", "Total", FieldKind.Text, "budget", "0.00", None),
        new("budget.issuerFunds", "发榜企业投入", "Issuer's funds", FieldKind.Text, "budget", "0.00", None),
        new("budget.applicantFunds", "揭榜单位自筹", "Applicant's own funds", FieldKind.Text, "budget", "0.00", None),
        new("budget.requestedSupport", "申请支持资金", "Support requested", FieldKind.Text, "budget", "0.00", None),
        new("budgetItem.category", "预算科目", "Category", FieldKind.List, "budget", "请选择科目", BudgetCategories, Repeat: "budgetItems"),
        new("budgetItem.amount", "金额（万元）", "Amount (10k CNY)", FieldKind.Text, "budget", "0.00", None, Repeat: "budgetItems"),
        new("budgetItem.note", "测算说明", "Note", FieldKind.Text, "budget", "测算说明", None, Repeat: "budgetItems"),

        // 十、签章
        new("sign.legalRepresentative", "法定代表人（签字）", "Legal representative (signature)", FieldKind.Text, "sign", "请签字", None),
        new("sign.seal", "单位公章", "Seal", FieldKind.Picture, "sign", "", None),
        new("sign.date", "日期", "Date", FieldKind.Date, "sign", "请选择日期", None),
    ];

    /// <summary>The form as a catalogue, for the readers shared with the progress report form.</summary>
    public static readonly FormCatalogue Catalogue = new("application", TemplateVersion, Sections, Fields, Repeats);

    public static FormField? FindField(string tag) => Catalogue.FindField(tag);

    public static RepeatSection? FindRepeat(string tag) => Catalogue.FindRepeat(tag);

    public static IEnumerable<FormField> FieldsOf(RepeatSection repeat) => Catalogue.FieldsOf(repeat);

    /// <summary>The path of a field: its tag, or <c>coApplicants[1].creditCode</c> inside a repeating item.</summary>
    public static string PathOf(FormField field, int? item = null) => FormCatalogue.PathOf(field, item);

    /// <summary>The tag behind a path: <c>coApplicants[1].creditCode</c> → <c>coApplicant.creditCode</c>.</summary>
    public static string TagOfPath(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        var repeat = FindRepeat(path[..open]);
        var name = path[(path.IndexOf("].", StringComparison.Ordinal) + 2)..];
        return repeat is null ? path : $"{repeat.ItemPrefix}.{name}";
    }
}
