using System.Globalization;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Agreements;

/// <summary>Which agreement is being drafted: its id and version, and the stored application it comes from.</summary>
public sealed record AgreementRequest(string AgreementId, int Version, string ReceiptNo, DateOnly DraftedOn);

/// <summary>
/// Stage "agreement": a complete, eligible application record with its demand and round → the agreement's content,
/// worded by <see cref="AgreementTemplate"/>. Every party, amount, ratio, indicator and milestone comes from the data.
/// </summary>
public static class AgreementComposer
{
    private static readonly string[] Roles = ["甲方", "乙方", "丙方", "丁方", "戊方", "己方", "庚方", "辛方", "壬方", "癸方"];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public static AgreementContent Compose(ApplicationRecord record, Demand demand, Round round, AgreementRequest request, AgreementTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(request);
        template ??= AgreementTemplate.Default;

        var parties = Parties(record, demand);
        var values = Values(record, demand, round, request, parties);
        var sections = new List<AgreementSection>();
        var article = 0;
        foreach (var section in template.Sections)
        {
            var heading = section.Numbered ? $"第{Numerals[article++]}条　{section.Heading}" : section.Heading;
            var blocks = section.Paragraphs
                .Select(p => AgreementTemplate.BlockName(p) is { } name ? Block(name, record, parties) : Paragraph(AgreementTemplate.Fill(p, values)))
                .OfType<AgreementBlock>()
                .ToList();
            sections.Add(new AgreementSection(heading, blocks));
        }

        return new AgreementContent(request.AgreementId, request.Version, "合作研发协议",
            $"中关村强链工程 · {demand.Title}", parties, sections);
    }

    /// <summary>甲方 the issuer, 乙方 the lead applicant, then each joint applicant in the form's order.</summary>
    public static IReadOnlyList<AgreementParty> Parties(ApplicationRecord record, Demand demand)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(demand);
        var a = record.Applicant;
        var parties = new List<AgreementParty>
        {
            new(Roles[0], "发榜企业", demand.Issuer, demand.IssuerCreditCode, null, null, demand.ContactName, demand.ContactPhone, null),
            new(Roles[1], "牵头揭榜单位", a.Name ?? "", a.CreditCode, a.Address, a.LegalRepresentative, a.ContactName, a.ContactPhone, null),
        };
        parties.AddRange(record.CoApplicants.Select((c, i) =>
            new AgreementParty(Roles[i + 2], "联合揭榜单位", c.Name ?? "", c.CreditCode, null, null, c.ContactName, c.ContactPhone, c.Task)));
        return parties;
    }

    /// <summary>The support asked for as a share of the issuer's and the applicants' joint investment (null when there is none).</summary>
    public static decimal? SupportShare(Budget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var joint = (budget.IssuerFunds ?? 0) + (budget.ApplicantFunds ?? 0);
        return joint > 0 ? Math.Round((budget.RequestedSupport ?? 0) / joint, 4, MidpointRounding.AwayFromZero) : null;
    }

    private static Dictionary<string, string> Values(ApplicationRecord record, Demand demand, Round round, AgreementRequest request, IReadOnlyList<AgreementParty> parties)
    {
        var plan = record.Plan;
        var budget = record.Budget;
        var applicants = parties.Skip(1).ToList();
        var months = plan.Start is { } s && plan.End is { } e ? MonthsBetween(s, e) : (int?)null;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agreement.id"] = request.AgreementId,
            ["agreement.version"] = request.Version.ToString(CultureInfo.InvariantCulture),
            ["drafted.date"] = ChineseDate(request.DraftedOn),
            ["receiptNo"] = request.ReceiptNo,
            ["round.id"] = round.Id,
            ["round.name"] = round.Name,
            ["round.ratio"] = Percent(round.SupportRatio),
            ["demand.id"] = demand.Id,
            ["demand.title"] = demand.Title,
            ["demand.sector"] = demand.Sector,
            ["applicants"] = applicants.Count == 1
                ? $"乙方{applicants[0].Name}"
                : $"{string.Join("、", applicants.Select(p => p.Role + p.Name))}（以下合称“揭榜方”，乙方为牵头单位）联合",
            ["plan.summary"] = Text(plan.Summary),
            ["plan.approach"] = Text(plan.Approach),
            ["plan.leader"] = $"{Text(plan.LeaderName)}（{Text(plan.LeaderTitle)}）",
            ["project.start"] = plan.Start is { } start ? ChineseDate(start) : "（待定）",
            ["project.end"] = plan.End is { } end ? ChineseDate(end) : "（待定）",
            ["project.months"] = months?.ToString(CultureInfo.InvariantCulture) ?? "（待定）",
            ["funding.total"] = Amount(budget.Total),
            ["funding.issuer"] = Amount(budget.IssuerFunds),
            ["funding.applicant"] = Amount(budget.ApplicantFunds),
            ["funding.support"] = Amount(budget.RequestedSupport),
            ["funding.joint"] = Amount((budget.IssuerFunds ?? 0) + (budget.ApplicantFunds ?? 0)),
            ["funding.share"] = SupportShare(budget) is { } share ? Percent(share) : "—",
            ["procurement"] = Text(demand.Procurement, "（以甲方发布的技术需求为准）"),
            ["volume"] = string.IsNullOrWhiteSpace(demand.CoIssuers)
                ? "本项需求为甲方单独发榜。"
                : $"本项需求由甲方与{demand.CoIssuers}联合发榜，带量采购数量为{Text(demand.CommittedVolume, "（待各方约定）")}。",
            ["copies"] = ChineseCount(parties.Count + 1),
        };
    }

    private static AgreementBlock? Block(string name, ApplicationRecord record, IReadOnlyList<AgreementParty> parties) => name switch
    {
        "indicators" => new AgreementTable(["序号", "指标名称", "目标值"],
            [.. record.Plan.Indicators.Select((x, i) => Row(Index(i), Text(x.Name), Text(x.Target)))]),
        "milestones" => new AgreementTable(["序号", "节点", "完成时间", "交付成果"],
            [.. record.Plan.Milestones.Select((m, i) => Row(Index(i), Text(m.Name), m.Due is { } due ? ChineseDate(due) : "（待定）", Text(m.Deliverable)))]),
        "funding" => new AgreementTable(["序号", "预算科目", "金额（万元）", "说明"],
            [.. record.Budget.Items.Select((b, i) => Row(Index(i), Text(b.Category), Number(b.Amount), b.Note ?? "")),
                Row("", "合计", Number(record.Budget.Total), "")]),
        "tasks" => parties.Count > 2
            ? new AgreementTable(["单位", "名称", "承担任务"],
                [Row("乙方（牵头）", parties[1].Name, "牵头组织实施，承担技术方案中除联合单位任务以外的研发工作"),
                    .. parties.Skip(2).Select(p => Row(p.Role, p.Name, Text(p.Task)))])
            : null,
        "signatures" => new AgreementSignatures(parties),
        _ => throw new KeyNotFoundException($"The agreement template names an unknown block [[{name}]]."),
    };

    private static AgreementParagraph Paragraph(string text) => new(text);

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    private static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    private static string Text(string? value, string missing = "（待补充）") => string.IsNullOrWhiteSpace(value) ? missing : value.Trim();

    private static string Number(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";

    private static string Amount(decimal? value) => value is { } v ? $"{v.ToString("0.00", CultureInfo.InvariantCulture)}万元" : "（待定）";

    private static string Percent(decimal ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string ChineseCount(int n) => n <= Numerals.Length ? Numerals[n - 1] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fewest months from the start that reach the end, as the rules count "at most N months" (start.AddMonths(N) ≥ end).</summary>
    private static int MonthsBetween(DateOnly start, DateOnly end)
    {
        var months = 0;
        while (start.AddMonths(months) < end)
        {
            months++;
        }

        return months;
    }
}
