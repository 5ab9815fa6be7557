using System.Globalization;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.Bulletins;

/// <summary>How many approved demands one sector has in a bulletin.</summary>
public sealed record SectorCount(string Name, int Count);

/// <summary>A block of a bulletin section, laid out by the document builder.</summary>
public abstract record BulletinBlock;

/// <summary>A body paragraph (3号 仿宋, first line indented two characters).</summary>
public sealed record BulletinParagraph(string Text) : BulletinBlock;

/// <summary>A second-level heading such as “（一）新一代信息技术（4项）” (楷体).</summary>
public sealed record BulletinSubheading(string Text) : BulletinBlock;

/// <summary>A third-level heading such as “1．QL2020-IT-01 …” (仿宋 bold).</summary>
public sealed record BulletinItemHeading(string Text) : BulletinBlock;

/// <summary>One labelled fact of a demand (“发榜企业：…”).</summary>
public sealed record BulletinField(string Label, string Value) : BulletinBlock;

/// <summary>The list table of one sector.</summary>
public sealed record BulletinTable(string Sector, IReadOnlyList<BulletinTableRow> Rows) : BulletinBlock
{
    public static IReadOnlyList<string> Headers { get; } = ["序号", "需求编号", "技术需求名称", "发榜企业"];
}

/// <summary>One row of a sector table.</summary>
public sealed record BulletinTableRow(int Number, string DemandId, string Title, string Issuer);

/// <summary>A first-level section (“一、榜单概况”).</summary>
public sealed record BulletinSection(string Heading, IReadOnlyList<BulletinBlock> Blocks);

/// <summary>
/// What the official bulletin (榜单) of a round says, composed from the round and its approved demands only, so the same
/// data always gives the same text. Programme facts come from <c>shared/spec/programme.md</c>; nothing here reads a clock.
/// </summary>
public sealed record BulletinContent(
    string RoundId,
    string Authority,
    string DocumentNumber,
    IReadOnlyList<string> TitleLines,
    string Addressee,
    IReadOnlyList<string> Opening,
    IReadOnlyList<BulletinSection> Sections,
    string Signature,
    DateOnly Date,
    int DemandCount,
    IReadOnlyList<SectorCount> Sectors)
{
    /// <summary>The issuing authority of the bulletin (发文机关).</summary>
    public const string IssuingAuthority = "中关村科技园区管理委员会";

    /// <summary>The authority's document-number prefix (发文机关代字).</summary>
    public const string NumberPrefix = "中科园发";

    /// <summary>Written where a demand lacks a fact, so a reader sees the gap instead of an invented value.</summary>
    public const string NotProvided = "未提供";

    /// <summary>Follows the title of an invitation-only demand in the list and its details (issue 15).</summary>
    public const string InvitationMark = "（小范围邀标）";

    /// <summary>The policy document the programme implements.</summary>
    public const string PolicyTitle = "《中关村国家自主创新示范区高精尖产业强链工程实施方案（2020—2025年）》";

    /// <summary>The title in one line (the document breaks it after “关于发布” so that words stay whole).</summary>
    public string Title => string.Concat(TitleLines);

    /// <summary>The date line as GB/T 9704-2012 writes it: Arabic numerals, no leading zeros (2020年12月28日).</summary>
    public string DateText => ChineseDate(Date);

    /// <summary>The round's approved demands in list order (the bulletin publishes nothing else).</summary>
    public static IReadOnlyList<Demand> Approved(IEnumerable<Demand> demands) =>
        [.. demands.Where(d => d.ReviewStatus == Demand.Approved)];

    /// <summary>Sectors in the round's order, then any other sector in the order its first demand appears.</summary>
    public static IReadOnlyList<SectorCount> CountBySector(Round round, IReadOnlyList<Demand> approved)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(approved);
        var order = round.Sectors.Concat(approved.Select(d => d.Sector)).Distinct(StringComparer.Ordinal);
        return [.. order
            .Select(s => new SectorCount(s, approved.Count(d => string.Equals(d.Sector, s, StringComparison.Ordinal))))
            .Where(c => c.Count > 0)];
    }

    /// <summary>
    /// <c>中科园发〔2020〕1号</c>: the year and sequence come from a round id shaped <c>YYYY-NN</c>; other ids use the year of
    /// publication and sequence 1. This is the project's own numbering, not the committee's register.
    /// </summary>
    public static string NumberFor(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var parts = round.Id.Split('-');
        if (parts.Length == 2 && parts[0].Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}〔{year}〕{sequence}号");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}〔{PublicationDate(round).Year}〕1号");
    }

    /// <summary>The round's publication date, else the local date its window opens.</summary>
    public static DateOnly PublicationDate(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.PublishedOn ?? round.LocalDate(round.Opens);
    }

    /// <summary>Composes the bulletin of <paramref name="round"/> from <paramref name="demands"/> (those not approved are left out).</summary>
    /// <exception cref="InvalidOperationException">No demand of the round is approved: there is nothing to publish.</exception>
    public static BulletinContent Compose(Round round, IEnumerable<Demand> demands) => Compose(round, demands, null);

    /// <summary>As <see cref="Compose(Round, IEnumerable{Demand})"/>, marking the invitation-only demands (小范围邀标) in the list and the details.</summary>
    public static BulletinContent Compose(Round round, IEnumerable<Demand> demands, IReadOnlySet<string>? invitationOnly)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(demands);
        var approved = Approved(demands.Where(d => d.RoundId == round.Id));
        if (approved.Count == 0)
        {
            throw new InvalidOperationException($"Round '{round.Id}' has no approved demand.");
        }

        bool Invited(Demand d) => invitationOnly?.Contains(d.Id) == true;
        var sectors = CountBySector(round, approved);
        var bySector = sectors.Select(s => (s.Name, Demands: (IReadOnlyList<Demand>)[.. approved.Where(d => d.Sector == s.Name)])).ToList();
        var counts = string.Join("、", sectors.Select(s => $"{s.Name}{s.Count}项"));
        var window = $"{ChineseDate(round.LocalDate(round.Opens))}至{ChineseDate(round.LocalDate(round.Closes))}（{ZoneName(round.TimeZone)}）";

        string[] opening =
        [
            $"为贯彻落实{PolicyTitle}，补齐产业链供应链薄弱环节，{IssuingAuthority}组织实施高精尖产业强链工程：由中关村龙头企业围绕产业链供应链薄弱环节提出技术需求并出资研发（谁出题谁出资），面向全国征集有能力的单位揭榜攻关（谁能干谁来干），研发成功后新产品进入发榜企业供应链（谁牵头谁采购），由发榜企业牵头组建创新联合体。到2025年，组建30个创新联合体，形成3—5个具有竞争力的产业集群。",
            $"经征集和专家论证，现发布{round.Name}，共{approved.Count}项，其中{counts}。有关事项通知如下：",
        ];

        List<BulletinBlock> overview =
        [
            new BulletinParagraph($"本批榜单共{approved.Count}项技术需求，其中{counts}。发榜企业出资研发、牵头组建创新联合体、提供测试验证环境，并承诺研发成功后将新产品纳入其供应链；支持多家企业联合发榜、带量发榜。揭榜采取揭榜挂帅方式，部分需求可采取小范围邀标方式，仅受邀单位可以揭榜。"),
        ];
        List<BulletinBlock> details = [];
        for (var s = 0; s < bySector.Count; s++)
        {
            var (name, list) = bySector[s];
            overview.Add(new BulletinSubheading($"（{ChineseNumber(s + 1)}）{name}（{list.Count}项）"));
            overview.Add(new BulletinTable(name, [.. list.Select((d, i) => new BulletinTableRow(i + 1, d.Id, Invited(d) ? d.Title + InvitationMark : d.Title, d.Issuer))]));

            details.Add(new BulletinSubheading($"（{ChineseNumber(s + 1)}）{name}"));
            for (var i = 0; i < list.Count; i++)
            {
                var d = list[i];
                details.Add(new BulletinItemHeading(string.Create(CultureInfo.InvariantCulture, $"{i + 1}．{d.Id}　{d.Title}{(Invited(d) ? InvitationMark : "")}")));
                details.AddRange(Fields(d));
                if (Invited(d))
                {
                    details.Add(new BulletinField("揭榜方式", "小范围邀标，仅受邀单位可以揭榜"));
                }
            }
        }

        BulletinSection[] sections =
        [
            new("一、榜单概况", overview),
            new("二、技术需求详情", details),
            new("三、揭榜条件", [
                new BulletinParagraph("揭榜单位应符合以下条件："),
                new BulletinParagraph("1．在中国境内（不含港澳台地区）注册、具有独立法人资格的高等院校、科研院所、企业、新型研发机构、社会组织等，不限地域。"),
                new BulletinParagraph("2．具有较强的研发能力，能够按时完成揭榜任务的技术指标。高等院校、科研院所、新型研发机构须具有科技成果转化基础；企业和社会组织须经营状况良好、重视知识产权保护，无不良信用记录。"),
                new BulletinParagraph("3．针对同一技术需求，揭榜单位与发榜企业为首次开展研发合作。"),
                new BulletinParagraph(string.Create(CultureInfo.InvariantCulture, $"4．可由多家单位联合揭榜，联合揭榜单位不超过{round.MaxCoApplicants}家；揭榜任务实施期限不超过{round.MaxProjectMonths}个月。")),
            ]),
            new("四、揭榜流程", [
                new BulletinParagraph($"1．申报。揭榜单位于{window}向{IssuingAuthority}提交《揭榜任务申报书》。"),
                new BulletinParagraph("2．对接评审。发榜企业与揭榜单位对接，组织专家对揭榜方案进行评审。"),
                new BulletinParagraph("3．签约。通过评审的揭榜单位与发榜企业签订合作研发协议，加入发榜企业牵头组建的创新联合体。"),
                new BulletinParagraph($"4．支持。{IssuingAuthority}设立工作专班和专家委员会跟踪项目进展，按照发榜企业与揭榜单位联合研发投入的一定比例给予支持。"),
            ]),
            new("五、申报时间和方式", [
                new BulletinParagraph($"申报时间：{window}，逾期不予受理。"),
                new BulletinParagraph($"申报方式：揭榜单位通过强链工程文档系统下载所揭需求的《揭榜任务申报书》（需求编号、名称和发榜企业已预先填写），按填报说明完整填写，经法定代表人签字并加盖单位公章后在线提交，系统即时反馈填写问题并出具回执。同一单位对同一需求可在截止前重新提交，以最后一次提交为准。"),
            ]),
            new("六、联系方式", [
                new BulletinParagraph($"政策咨询：{IssuingAuthority}强链工程工作专班。"),
                new BulletinParagraph("需求咨询：请联系各项技术需求所列的发榜企业联系人。"),
            ]),
        ];

        return new BulletinContent(
            round.Id,
            IssuingAuthority,
            NumberFor(round),
            [$"{IssuingAuthority}关于发布", $"{round.Name}的通知"],
            "各有关单位：",
            opening,
            sections,
            IssuingAuthority,
            PublicationDate(round),
            approved.Count,
            sectors);
    }

    private static IEnumerable<BulletinField> Fields(Demand d)
    {
        yield return new BulletinField("发榜企业", d.Issuer);
        yield return new BulletinField("联合发榜企业", Text(d.CoIssuers) ?? "无");
        yield return new BulletinField("所属领域", Text(d.SubField) is { } sub ? $"{d.Sector}（{sub}）" : d.Sector);
        yield return new BulletinField("需求概述", Text(d.Summary) ?? NotProvided);
        yield return new BulletinField("主要技术指标", Text(d.Indicators) ?? NotProvided);
        yield return new BulletinField("完成时限", d.DeadlineMonths is { } months
            ? string.Create(CultureInfo.InvariantCulture, $"{months}个月")
            : NotProvided);
        var procurement = Text(d.Procurement);
        var volume = Text(d.CommittedVolume);
        yield return new BulletinField("采购承诺", (procurement, volume) switch
        {
            (null, null) => NotProvided,
            (_, null) => procurement!,
            (null, _) => $"带量发榜：{volume}",
            _ => $"{procurement}（带量发榜：{volume}）",
        });
        var contact = string.Join("，", new[] { Text(d.ContactName), Text(d.ContactPhone) }.OfType<string>());
        yield return new BulletinField("联系人", contact.Length > 0 ? contact : NotProvided);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string ZoneName(string zone) => zone == "Asia/Shanghai" ? "北京时间" : zone;

    /// <summary>2020年12月28日 (no leading zeros).</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>一 … 九十九 for headings such as （一）; larger numbers are written in Arabic numerals.</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "〇一二三四五六七八九";
        return n switch
        {
            < 1 => throw new ArgumentOutOfRangeException(nameof(n)),
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => $"{digits[n / 10]}十{(n % 10 == 0 ? "" : digits[n % 10].ToString())}",
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
