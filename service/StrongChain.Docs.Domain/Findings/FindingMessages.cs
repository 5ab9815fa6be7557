using System.Collections.Frozen;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Findings;

/// <summary>
/// The message templates of every finding, Chinese and English, keyed by code or <c>code:variant</c>.
/// Each Chinese message is one sentence saying what to do; <c>{label}</c> and other <c>{name}</c> slots are filled in.
/// </summary>
public static class FindingMessages
{
    private static readonly FrozenDictionary<string, (string Zh, string En)> Templates = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        [FindingCodes.Required] = ("请填写“{label}”。", "Please fill in “{label}”."),
        [$"{FindingCodes.Required}:choose"] = ("请选择“{label}”。", "Please choose “{label}”."),
        [$"{FindingCodes.Required}:items"] = ("请在“{label}”中至少填写{min}项。", "Please enter at least {min} item(s) in “{label}”."),
        [FindingCodes.Format] = ("请按正确格式填写“{label}”。", "Please enter “{label}” in the expected format."),
        [$"{FindingCodes.Format}:date"] = ("请按 yyyy-MM-dd 格式填写“{label}”（如 2021-01-15）。", "Please enter “{label}” as yyyy-MM-dd (e.g. 2021-01-15)."),
        [$"{FindingCodes.Format}:integer"] = ("请在“{label}”中填写整数。", "Please enter a whole number in “{label}”."),
        [$"{FindingCodes.Format}:decimal"] = ("请在“{label}”中填写以万元为单位、最多两位小数的金额。", "Please enter “{label}” in 10k CNY with at most two decimals."),
        [$"{FindingCodes.Format}:list"] = ("请从下拉列表中选择“{label}”。", "Please choose “{label}” from the drop-down list."),
        [$"{FindingCodes.Format}:phone"] = ("请在“{label}”中填写11位手机号码或座机号码（如 010-62781234）。", "Please enter an 11-digit mobile number or a landline number (e.g. 010-62781234) in “{label}”."),
        [$"{FindingCodes.Format}:email"] = ("请在“{label}”中填写有效的电子邮箱地址。", "Please enter a valid e-mail address in “{label}”."),
        [$"{FindingCodes.Format}:creditCode"] = ("请在“{label}”中填写18位统一社会信用代码（由数字和除 I、O、Z、S、V 以外的大写字母组成）。", "Please enter the 18-character code in “{label}” (digits and capital letters except I, O, Z, S, V)."),
        [FindingCodes.CreditCodeChecksum] = ("“{label}”的校验位不正确，请对照营业执照或法人证书核对后重新填写。", "The check character of “{label}” is wrong: please copy the code again from the licence or certificate."),
        [FindingCodes.NotLegalPerson] = ("“{label}”为个体工商户代码，个体工商户不具备独立法人资格，请由具有独立法人资格的单位申报。", "“{label}” belongs to an individual business, which is not an independent legal person: an independent legal person must apply."),
        [FindingCodes.RegionNotMainland] = ("“{label}”须为中国大陆境内的省级行政区，请由中国大陆境内注册的单位申报。", "“{label}” must be a mainland Chinese province: only units registered in mainland China may apply."),
        [$"{FindingCodes.RegionNotMainland}:creditCode"] = ("“{label}”显示该单位登记于中国大陆境外（港澳台），请由中国大陆境内注册的单位申报。", "“{label}” shows a registration outside mainland China (Hong Kong, Macao, Taiwan): only units registered in mainland China may apply."),
        [FindingCodes.RegionMismatch] = ("请核对“{label}”，所选注册地与统一社会信用代码中的登记地（{province}）不一致。", "Please check “{label}”: it differs from the place of registration in the credit code (province code {code})."),
        [FindingCodes.DeclarationUnchecked] = ("请阅读并勾选承诺事项“{label}”。", "Please read and tick the declaration “{label}”."),
        [FindingCodes.DateInFuture] = ("请将“{label}”改为不晚于今天（{today}）的日期。", "Please change “{label}” to a date no later than today ({today})."),
        [$"{FindingCodes.DateOrder}:end"] = ("请将“{label}”改为晚于项目开始日期（{start}）的日期。", "Please change “{label}” to a date after the project start ({start})."),
        [$"{FindingCodes.DateOrder}:period"] = ("请将“{label}”改为项目起止日期（{start}至{end}）之间的日期。", "Please change “{label}” to a date within the project period ({start} to {end})."),
        [$"{FindingCodes.DateOrder}:previous"] = ("请将“{label}”改为不早于上一阶段完成日期（{previous}）的日期。", "Please change “{label}” to a date no earlier than the previous milestone ({previous})."),
        [FindingCodes.ProjectTooLong] = ("请调整“{label}”，项目周期自开始日期起不得超过{max}个月（最迟{latest}）。", "Please change “{label}”: the project may last at most {max} months from its start (until {latest} at the latest)."),
        [FindingCodes.BudgetSumMismatch] = ("请调整“{label}”，使各科目金额合计（{sum}万元）等于总预算（{total}万元）。", "Please adjust “{label}” so that the items ({sum}) add up to the total budget ({total}, 10k CNY)."),
        [FindingCodes.BudgetSplitMismatch] = ("请调整“{label}”，使其等于发榜企业投入、揭榜单位自筹与申请支持资金之和（{sum}万元）。", "Please adjust “{label}” so that it equals issuer's funds + applicant's funds + support requested ({sum}, 10k CNY)."),
        [FindingCodes.SupportRatioExceeded] = ("请将“{label}”调整为不超过发榜企业投入与揭榜单位自筹之和的{ratio}（{max}万元）。", "Please lower “{label}” to at most {ratio} of issuer's plus applicant's funds ({max}, 10k CNY)."),
        [FindingCodes.IssuerFundsMissing] = ("请填写大于0的“{label}”，按照“谁出题谁出资”，发榜企业须出资开展研发。", "Please enter “{label}” above 0: the issuing enterprise funds the work it asks for."),
        [FindingCodes.DuplicateParty] = ("“{label}”与前面的申报单位重复，请删除重复的单位或更正代码。", "“{label}” repeats an earlier party: please remove the duplicate or correct the code."),
        [FindingCodes.TooManyCoApplicants] = ("请将“{label}”删减至不超过{max}家。", "Please reduce “{label}” to at most {max}."),
        [FindingCodes.LockedFieldChanged] = ("“{label}”为锁定内容，请恢复为“{expected}”。", "“{label}” is locked: please restore it to “{expected}”."),
        [FindingCodes.UnknownTemplate] = ("该文件不是本系统生成的揭榜任务申报书，请下载本需求的申报书模板后重新填写。", "This file is not an application form generated by this service: please download the form for the demand and fill it in."),
        [FindingCodes.DemandMismatch] = ("该申报书属于其他需求或批次（{actual}），请下载本需求（{expected}）的申报书模板后重新填写。", "This form belongs to another demand or round ({actual}): please download the form for {expected} and fill it in."),
        [FindingCodes.FormStructureLost] = ("申报书经“{editor}”保存后，填写区域（内容控件）已丢失，无法可靠读取所填内容。请用 Microsoft Word 打开原文件核对后重新保存，或改用网页填报，或重新下载申报书模板填写。", "The form was saved by “{editorEn}”, which lost its fill-in fields (content controls), so what was entered cannot be read reliably. Open the original in Microsoft Word, check it and save it again, or apply with the web form, or download a fresh form and fill it in."),
        [FindingCodes.RecoveredByLabel] = ("“{label}”系按模板标签从版式中读取（申报书经“{editor}”保存后填写区域已丢失），请核对该项内容。", "“{label}” was read from the layout by its label (the form was saved by “{editorEn}”, which lost its fill-in fields): please check it."),
        [FindingCodes.NotRecovered] = ("未能在申报书中找到“{label}”栏目（申报书经“{editor}”保存后版式已改变），该项内容无法读取，请用 Microsoft Word 重新保存或改用网页填报。", "“{label}” could not be found in the form (saved by “{editorEn}”, which changed its layout), so its value is unknown: save the form again in Microsoft Word or apply with the web form."),
        [FindingCodes.TransformationRecordMissing] = ("请在“{label}”中填写不少于{min}字的成果转化情况，高等院校、科研院所和新型研发机构须具备成果转化基础。", "Please describe in “{label}” your record of transferring results to industry in at least {min} characters, as universities, institutes and new R&D institutions must have one."),
        [FindingCodes.PriorCooperationDeclared] = ("请确认“{label}”，与发榜企业已有合作可能不符合“首次实质研发合作”的条件，工作人员将予以核实。", "Please confirm “{label}”: earlier cooperation with the issuer may conflict with the first-cooperation condition, and staff will check it."),
        [FindingCodes.WindowClosed] = ("当前不在本批次申报期（{opens}至{closes}）内，申报书可以检查但不能提交。", "The application window ({opens} to {closes}) is not open now: the form can be checked but not submitted."),
        [FindingCodes.SealMissing] = ("请在“{label}”处加盖单位公章。", "Please affix the organisation's seal at “{label}”."),
        [FindingCodes.MemberOrganizationUnknown] = ("请核对“{label}”，所填单位不是揭榜单位或联合揭榜单位之一。", "Please check “{label}”: it names none of the applying parties."),
        [FindingCodes.OutOfRange] = ("请修改“{label}”，所填数值超出允许范围。", "Please correct “{label}”: the value is out of range."),
        [$"{FindingCodes.OutOfRange}:min"] = ("请在“{label}”中填写不小于{min}的数值。", "Please enter a value of at least {min} in “{label}”."),
        [$"{FindingCodes.OutOfRange}:positive"] = ("请在“{label}”中填写大于0的金额。", "Please enter an amount above 0 in “{label}”."),
        [$"{FindingCodes.OutOfRange}:length"] = ("请将“{label}”填写为{min}至{max}个字。", "Please enter {min} to {max} characters in “{label}”."),
        [$"{FindingCodes.OutOfRange}:minLength"] = ("请将“{label}”补充至不少于{min}字。", "Please extend “{label}” to at least {min} characters."),
        [$"{FindingCodes.OutOfRange}:rdStaff"] = ("请核对“{label}”，研发人员数不能超过职工总数（{max}）。", "Please check “{label}”: R&D staff cannot exceed total staff ({max})."),
        [$"{FindingCodes.OutOfRange}:window"] = ("请将“{label}”改为申报期（{opens}至{closes}）内的日期。", "Please change “{label}” to a date within the application window ({opens} to {closes})."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>English labels of the repeating sections and declarations, which the catalogue has in Chinese only.</summary>
    private static readonly FrozenDictionary<string, string> EnglishLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["coApplicants"] = "Joint applicants",
        ["indicators"] = "Indicators",
        ["milestones"] = "Milestones",
        ["team"] = "Project team",
        ["budgetItems"] = "Budget items",
        ["decl.independentLegalPerson"] = "registered in mainland China as independent legal persons",
        ["decl.firstCooperation"] = "first substantive R&D cooperation with the issuer on this demand",
        ["decl.goodStanding"] = "in good standing, protecting IP, no bad credit record",
        ["decl.truthful"] = "the application is true, accurate and complete",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether a template exists for the code (and variant).</summary>
    public static bool Has(string code, string? variant = null) => Templates.ContainsKey(Key(code, variant));

    /// <summary>Chinese and English labels of a tag: a field, a repeating section, or "" for the form as a whole.</summary>
    public static (string Zh, string En) LabelsOf(string tag)
    {
        if (ApplicationForm.FindField(tag) is { } field)
        {
            return (field.Label, EnglishLabels.GetValueOrDefault(tag) ?? field.LabelEn);
        }

        if (ApplicationForm.FindRepeat(tag) is { } repeat)
        {
            return (repeat.Label, EnglishLabels.GetValueOrDefault(tag) ?? repeat.Tag);
        }

        return (ApplicationForm.Title, "the application form");
    }

    /// <summary>Fills the template of a code (and variant, falling back to the plain code) for a tag.</summary>
    public static (string Zh, string En) Format(string code, string? variant, string tag, IReadOnlyDictionary<string, string>? args = null)
    {
        var template = Templates.GetValueOrDefault(Key(code, variant));
        if (template == default)
        {
            template = Templates.GetValueOrDefault(code, ("请修改“{label}”。", "Please correct “{label}”."));
        }

        var (zh, en) = LabelsOf(tag);
        return (Fill(template.Zh, zh, args), Fill(template.En, en, args));
    }

    private static string Key(string code, string? variant) => variant is null ? code : $"{code}:{variant}";

    private static string Fill(string template, string label, IReadOnlyDictionary<string, string>? args)
    {
        var text = template.Replace("{label}", label, StringComparison.Ordinal);
        if (args is not null)
        {
            foreach (var (name, value) in args)
            {
                text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
