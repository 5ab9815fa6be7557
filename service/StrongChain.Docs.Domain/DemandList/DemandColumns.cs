using System.Collections.Frozen;
using System.Text;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.DemandList;

/// <summary>How a column's values are typed: free text, a whole number, or one of a list.</summary>
public enum DemandColumnKind
{
    Text,
    Int,
    List,
}

/// <summary>
/// One column of the demand list workbook (技术需求榜单).
/// </summary>
/// <param name="Width">Excel column width in characters.</param>
/// <param name="Optional">True when the column may be absent and its cells blank (subField, coIssuers, committedVolume).</param>
/// <param name="Options">Fixed list options, empty when the list comes from the round (sector) or the column is not a list.</param>
/// <param name="TextFormat">True for codes and phone numbers that Excel must keep as text (leading zeros, 18 digits).</param>
public sealed record DemandColumn(
    string Key,
    string Header,
    string HeaderEn,
    DemandColumnKind Kind,
    double Width,
    bool Wrap,
    bool Optional,
    IReadOnlyList<string> Options,
    bool TextFormat = false);

/// <summary>The columns of demand-list.md, listed once; everything else binds by <see cref="DemandColumn.Key"/>.</summary>
public static class DemandColumns
{
    public const string TemplateVersion = "1.0";
    public const string MarkerNamespace = "urn:strongchain:demands:v1";
    public const string SheetName = "榜单";
    public const string ListsSheetName = "Lists";
    public const string TableName = "Demands";

    /// <summary>Most data rows one import reads; more is refused as a whole.</summary>
    public const int MaxRows = 10_000;

    public const string Id = "id";
    public const string Sector = "sector";
    public const string SubField = "subField";
    public const string Title = "title";
    public const string Issuer = "issuer";
    public const string IssuerCreditCode = "issuerCreditCode";
    public const string CoIssuers = "coIssuers";
    public const string Summary = "summary";
    public const string Indicators = "indicators";
    public const string DeadlineMonths = "deadlineMonths";
    public const string Procurement = "procurement";
    public const string CommittedVolume = "committedVolume";
    public const string ContactName = "contactName";
    public const string ContactPhone = "contactPhone";
    public const string ReviewStatus = "reviewStatus";

    public const int MaxTitleLength = 60;
    public const int MinDeadlineMonths = 1;
    public const int MaxDeadlineMonths = 60;

    /// <summary>Every sector the programme names; a round offers some of them.</summary>
    public static readonly IReadOnlyList<string> KnownSectors = ["新一代信息技术", "生物医药", "人工智能", "集成电路", "创新药物", "医疗器械", "智能制造"];

    public static readonly IReadOnlyList<string> ReviewStatuses = [Demand.Pending, Demand.Approved, Demand.Rejected];

    private static readonly IReadOnlyList<string> None = [];

    public static readonly IReadOnlyList<DemandColumn> All =
    [
        new(Id, "需求编号", "Demand id", DemandColumnKind.Text, 16, false, false, None, TextFormat: true),
        new(Sector, "产业领域", "Sector", DemandColumnKind.List, 16, false, false, None),
        new(SubField, "细分领域", "Sub-field", DemandColumnKind.Text, 16, true, true, None),
        new(Title, "技术需求名称", "Demand title", DemandColumnKind.Text, 32, true, false, None),
        new(Issuer, "发榜企业", "Issuing enterprise", DemandColumnKind.Text, 26, true, false, None),
        new(IssuerCreditCode, "发榜企业统一社会信用代码", "Issuer's unified social credit code", DemandColumnKind.Text, 24, false, false, None, TextFormat: true),
        new(CoIssuers, "联合发榜企业", "Joint issuers", DemandColumnKind.Text, 26, true, true, None),
        new(Summary, "需求描述", "Description", DemandColumnKind.Text, 44, true, false, None),
        new(Indicators, "主要技术指标", "Key technical indicators", DemandColumnKind.Text, 44, true, false, None),
        new(DeadlineMonths, "完成时限（月）", "Deadline (months)", DemandColumnKind.Int, 14, false, false, None),
        new(Procurement, "意向采购承诺", "Procurement commitment", DemandColumnKind.Text, 32, true, false, None),
        new(CommittedVolume, "带量采购数量", "Committed volume", DemandColumnKind.Text, 16, true, true, None),
        new(ContactName, "联系人", "Contact", DemandColumnKind.Text, 12, false, false, None),
        new(ContactPhone, "联系电话", "Contact phone", DemandColumnKind.Text, 16, false, false, None, TextFormat: true),
        new(ReviewStatus, "专家论证结论", "Expert review", DemandColumnKind.List, 14, false, false, ReviewStatuses),
    ];

    private static readonly FrozenDictionary<string, DemandColumn> ByKey = All.ToFrozenDictionary(c => c.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DemandColumn> ByHeader = All
        .SelectMany(c => new[] { (Header: NormalizeHeader(c.Header), Column: c), (Header: NormalizeHeader(c.HeaderEn), Column: c), (Header: NormalizeHeader(c.Key), Column: c) })
        .DistinctBy(h => h.Header, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(h => h.Header, h => h.Column, StringComparer.OrdinalIgnoreCase);

    public static DemandColumn Get(string key) => ByKey[key];

    /// <summary>Position of a column in the catalogue (the template's order), used to order findings without a sheet.</summary>
    public static int IndexOf(string key) => Positions.GetValueOrDefault(key, All.Count);

    private static readonly FrozenDictionary<string, int> Positions =
        All.Select((c, i) => (c.Key, i)).ToFrozenDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// The column a header text names: the Chinese header, the English header or the key, ignoring case, spaces and
    /// line breaks, with full-width and half-width brackets equal (完成时限(月) = 完成时限（月）).
    /// </summary>
    public static DemandColumn? Match(string? headerText) =>
        string.IsNullOrWhiteSpace(headerText) ? null : ByHeader.GetValueOrDefault(NormalizeHeader(headerText));

    /// <summary>The list a list column offers in a round: the round's sectors, or the column's fixed options.</summary>
    public static IReadOnlyList<string> OptionsFor(DemandColumn column, Round round) =>
        column.Key == Sector ? round.Sectors : column.Options;

    private static string NormalizeHeader(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            builder.Append(ch switch
            {
                '（' => '(',
                '）' => ')',
                '【' or '［' => '[',
                '】' or '］' => ']',
                _ => ch,
            });
        }

        return builder.ToString();
    }
}
