using System.Globalization;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Review;

/// <summary>One application in a review packet: its latest version's receipt, record and findings.</summary>
public sealed record PacketEntry(string ReceiptNo, int Version, DateTimeOffset SubmittedAt, ApplicationRecord Record, IReadOnlyList<Finding> Findings);

/// <summary>A block of a packet section, laid out by the document builder.</summary>
public abstract record PacketBlock;

/// <summary>Labelled values in a two-column table.</summary>
public sealed record PacketFields(IReadOnlyList<(string Label, string Value)> Rows) : PacketBlock;

/// <summary>A table with a header row.</summary>
public sealed record PacketTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : PacketBlock;

public sealed record PacketParagraph(string Text) : PacketBlock;

public sealed record PacketSection(string Heading, IReadOnlyList<PacketBlock> Blocks);

/// <summary>
/// The review packet (评审材料) of one demand: a cover, a summary table of every application, then each application's record,
/// in receipt order. Plain C#: the same applications always give the same text.
/// </summary>
public sealed record ReviewPacketContent(string DemandId, string Title, IReadOnlyList<string> Cover, PacketTable Summary, IReadOnlyList<PacketSection> Applications)
{
    public const string Confidential = "评审专用　注意保密";

    public static ReviewPacketContent Compose(Demand demand, Round round, IEnumerable<PacketEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.OrderBy(e => e.ReceiptNo, StringComparer.Ordinal).ToList();
        string[] cover =
        [
            $"需求编号：{demand.Id}",
            $"需求名称：{demand.Title}",
            $"发榜企业：{demand.Issuer}",
            $"所属批次：{round.Name}",
            string.Create(CultureInfo.InvariantCulture, $"申报数量：{list.Count}项（符合申报条件的最新版本，按受理顺序）"),
            Confidential,
        ];
        var summary = new PacketTable("申报汇总",
            ["序号", "受理编号", "牵头申报单位", "联合申报单位", "总预算（万元）", "申请支持（万元）", "审查发现"],
            [.. list.Select((e, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), e.ReceiptNo, Text(e.Record.Applicant.Name),
                e.Record.CoApplicants.Count == 0 ? "无" : string.Join("、", e.Record.CoApplicants.Select(c => Text(c.Name))),
                Amount(e.Record.Budget.Total), Amount(e.Record.Budget.RequestedSupport), FindingsText(e.Findings)])]);
        return new ReviewPacketContent(demand.Id, $"{demand.Id} {demand.Title} 评审材料", cover, summary,
            [.. list.Select((e, i) => Section(i + 1, e))]);
    }

    private static PacketSection Section(int number, PacketEntry e)
    {
        var r = e.Record;
        var a = r.Applicant;
        List<PacketBlock> blocks =
        [
            new PacketFields([
                ("受理编号", string.Create(CultureInfo.InvariantCulture, $"{e.ReceiptNo}（第{e.Version}版，{e.SubmittedAt:yyyy-MM-dd HH:mm}）")),
                ("申报单位", Text(a.Name)), ("统一社会信用代码", Text(a.CreditCode)), ("单位性质", Text(a.OrgType)), ("所在地区", Text(a.Region)),
                ("法定代表人", Text(a.LegalRepresentative)), ("成立日期", Date(a.Established)), ("通讯地址", Text(a.Address)),
                ("联系人", $"{Text(a.ContactName)}，{Text(a.ContactPhone)}，{Text(a.ContactEmail)}"),
                ("职工 / 研发人员", $"{Number(a.StaffCount)} / {Number(a.RdStaffCount)}人"),
                ("上年营业收入 / 研发投入（万元）", $"{Amount(a.LastYearRevenue)} / {Amount(a.LastYearRdSpend)}"),
                ("成果转化情况", Text(a.TransformationRecord)),
                ("与发榜企业既往合作", Text(r.PriorCooperation)),
            ]),
        ];
        if (r.CoApplicants.Count > 0)
        {
            blocks.Add(new PacketTable("联合申报单位", ["单位名称", "统一社会信用代码", "单位性质", "所在地区", "承担任务"],
                [.. r.CoApplicants.Select(c => (IReadOnlyList<string>)[Text(c.Name), Text(c.CreditCode), Text(c.OrgType), Text(c.Region), Text(c.Task)])]));
        }

        var p = r.Plan;
        blocks.Add(new PacketFields([
            ("项目负责人", $"{Text(p.LeaderName)}（{Text(p.LeaderTitle)}），{Text(p.LeaderPhone)}"),
            ("实施期限", $"{Date(p.Start)} 至 {Date(p.End)}"),
            ("技术方案概述", Text(p.Summary)), ("技术路线", Text(p.Approach)), ("研究基础", Text(p.Foundation)),
        ]));
        blocks.Add(new PacketTable("考核指标", ["指标", "目标值"], [.. p.Indicators.Select(i => (IReadOnlyList<string>)[Text(i.Name), Text(i.Target)])]));
        blocks.Add(new PacketTable("进度安排", ["节点", "完成时间", "交付成果"], [.. p.Milestones.Select(m => (IReadOnlyList<string>)[Text(m.Name), Date(m.Due), Text(m.Deliverable)])]));
        blocks.Add(new PacketTable("项目团队", ["姓名", "职称", "单位", "分工"], [.. p.Team.Select(t => (IReadOnlyList<string>)[Text(t.Name), Text(t.Title), Text(t.Organization), Text(t.Role)])]));
        var b = r.Budget;
        blocks.Add(new PacketFields([
            ("总预算（万元）", Amount(b.Total)), ("发榜企业出资（万元）", Amount(b.IssuerFunds)),
            ("申报单位自筹（万元）", Amount(b.ApplicantFunds)), ("申请支持资金（万元）", Amount(b.RequestedSupport)),
        ]));
        blocks.Add(new PacketTable("预算明细", ["科目", "金额（万元）", "说明"], [.. b.Items.Select(i => (IReadOnlyList<string>)[Text(i.Category), Amount(i.Amount), Text(i.Note)])]));
        blocks.Add(e.Findings.Count == 0
            ? new PacketParagraph("审查发现：无。")
            : new PacketTable("审查发现", ["级别", "位置", "说明"], [.. e.Findings.Select(f => (IReadOnlyList<string>)[
                f.Severity == Severity.Error ? "错误" : "提示", Text(f.Field), Text(f.Message)])]));
        return new PacketSection(string.Create(CultureInfo.InvariantCulture, $"{number}．{e.ReceiptNo}　{Text(a.Name)}"), blocks);
    }

    private static string FindingsText(IReadOnlyList<Finding> findings) =>
        string.Create(CultureInfo.InvariantCulture,
            $"错误{findings.Count(f => f.Severity == Severity.Error)}项，提示{findings.Count(f => f.Severity == Severity.Warning)}项");

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();

    private static string Amount(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—";

    private static string Date(DateOnly? value) => value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
