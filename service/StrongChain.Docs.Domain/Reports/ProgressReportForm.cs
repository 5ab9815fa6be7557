using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Reports;

/// <summary>
/// The progress report form (项目进展报告表), template version <see cref="TemplateVersion"/>: one per consortium and milestone,
/// the facts pre-filled and locked, the rest filled by the lead unit. Every section, field, tag and label, listed once.
/// </summary>
public static class ProgressReportForm
{
    public const string TemplateVersion = "report-1.0";
    public const string Title = "创新联合体项目进展报告";

    /// <summary>Milestone status options: the text shown in the form.</summary>
    public const string Achieved = "已完成";
    public const string PartlyAchieved = "部分完成";
    public const string NotAchieved = "未完成";

    public static readonly IReadOnlyList<string> StatusOptions = [Achieved, PartlyAchieved, NotAchieved];

    /// <summary>Tags of the locked facts that say which consortium and milestone a form was made for.</summary>
    public const string ConsortiumIdTag = "report.consortiumId";
    public const string MilestoneNumberTag = "report.milestoneNumber";
    public const string TemplateVersionTag = "report.templateVersion";

    public static readonly IReadOnlyList<FormSection> Sections =
    [
        new("facts", "一", "联合体与里程碑", "Consortium and milestone"),
        new("progress", "二", "进展情况", "Progress"),
        new("spend", "三", "经费使用（万元）", "Spend (10k CNY)"),
        new("contact", "四", "联系人与日期", "Contact and date"),
    ];

    public static readonly IReadOnlyList<RepeatSection> Repeats =
    [
        new("spendItems", "本期经费使用", "spend", 1, "spend"),
    ];

    private static readonly IReadOnlyList<string> None = [];

    public static readonly IReadOnlyList<FormField> Fields =
    [
        // 一、联合体与里程碑 (pre-filled, locked)
        new(ConsortiumIdTag, "联合体编号", "Consortium", FieldKind.Text, "facts", "", None, Locked: true),
        new(MilestoneNumberTag, "里程碑序号", "Milestone number", FieldKind.Text, "facts", "", None, Locked: true),
        new(TemplateVersionTag, "报告表版本", "Template version", FieldKind.Text, "facts", "", None, Locked: true),
        new("consortium.round", "发榜批次", "Round", FieldKind.Text, "facts", "", None, Locked: true),
        new("consortium.demand", "技术需求", "Demand", FieldKind.Text, "facts", "", None, Locked: true),
        new("consortium.parties", "联合体成员", "Parties", FieldKind.Rich, "facts", "", None, Locked: true),
        new("milestone.name", "阶段任务", "Milestone", FieldKind.Text, "facts", "", None, Locked: true),
        new("milestone.due", "计划完成日期", "Due", FieldKind.Text, "facts", "", None, Locked: true),
        new("milestone.deliverable", "阶段成果", "Deliverable", FieldKind.Text, "facts", "", None, Locked: true),
        new("project.period", "项目期限", "Project period", FieldKind.Text, "facts", "", None, Locked: true),
        new("budget.agreed", "协议总预算（万元）", "Agreed budget (10k CNY)", FieldKind.Text, "facts", "", None, Locked: true),
        new("budget.items", "预算科目（万元）", "Budget items (10k CNY)", FieldKind.Rich, "facts", "", None, Locked: true),

        // 二、进展情况
        new("report.periodStart", "报告期起", "Period from", FieldKind.Date, "progress", "请选择报告期开始日期", None),
        new("report.periodEnd", "报告期止", "Period to", FieldKind.Date, "progress", "请选择报告期结束日期", None),
        new("report.status", "里程碑完成情况", "Milestone status", FieldKind.List, "progress", "请选择完成情况", StatusOptions),
        new("report.achievedOn", "实际完成日期", "Date achieved", FieldKind.Date, "progress", "已完成的请选择实际完成日期", None),
        new("report.workDone", "本期完成工作", "Work done", FieldKind.Rich, "progress", "请描述本报告期完成的工作", None),
        new("report.problems", "存在问题", "Problems", FieldKind.Rich, "progress", "如无，请填写“无”", None),
        new("report.nextSteps", "下一步计划", "Next steps", FieldKind.Rich, "progress", "请描述下一步工作计划", None),

        // 三、经费使用（万元） (repeating)
        new("spend.category", "预算科目", "Budget item", FieldKind.List, "spend", "请选择科目", Forms.ApplicationForm.BudgetCategories, Repeat: "spendItems"),
        new("spend.amount", "本期支出（万元）", "Spent (10k CNY)", FieldKind.Text, "spend", "0.00", None, Repeat: "spendItems"),
        new("spend.note", "支出说明", "Note", FieldKind.Text, "spend", "支出说明", None, Repeat: "spendItems"),

        // 四、联系人与日期
        new("contact.name", "联系人", "Contact", FieldKind.Text, "contact", "请输入联系人姓名", None),
        new("contact.phone", "联系电话", "Contact phone", FieldKind.Text, "contact", "请输入手机或座机号码", None),
        new("contact.email", "电子邮箱", "E-mail", FieldKind.Text, "contact", "请输入电子邮箱", None),
        new("report.date", "报告日期", "Report date", FieldKind.Date, "contact", "请选择报告日期", None),
    ];

    /// <summary>Fields the lead unit must fill (<c>report.achievedOn</c> only when the status is achieved: a check of its own).</summary>
    public static readonly IReadOnlyList<string> RequiredTags =
    [
        "report.periodStart", "report.periodEnd", "report.status", "report.workDone", "contact.name", "contact.phone", "report.date",
    ];

    public static readonly FormCatalogue Catalogue = new("progressReport", TemplateVersion, Sections, Fields, Repeats);

    public static FormField? FindField(string tag) => Catalogue.FindField(tag);
}
