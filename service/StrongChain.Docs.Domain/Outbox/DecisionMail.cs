using System.Globalization;

namespace StrongChain.Docs.Domain.Outbox;

/// <summary>The outcome the issuing enterprise's review gives an application (programme.md, process step 2).</summary>
public static class ApplicationDecisions
{
    /// <summary>入选: the applicant goes on to sign the cooperative R&amp;D agreement.</summary>
    public const string Selected = "selected";

    /// <summary>未入选.</summary>
    public const string NotSelected = "not-selected";

    public static readonly IReadOnlyList<string> All = [Selected, NotSelected];
}

/// <summary>What the decision mail states.</summary>
public sealed record DecisionFacts(string ReceiptNo, int Version, string DemandId, string DemandTitle, string RoundId, string OrganisationName, string Decision);

/// <summary>The wording of the decision mail (Chinese, with the English below it).</summary>
public static class DecisionMail
{
    /// <summary>The mail, with the decision letter attached when there is one (decisions made before letters existed have none).</summary>
    public static OutgoingMail Compose(string to, string messageId, DecisionFacts facts, MailAttachment? letter = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var selected = facts.Decision == ApplicationDecisions.Selected;
        var version = facts.Version.ToString(CultureInfo.InvariantCulture);
        var outcome = selected ? "入选" : "未入选";
        var next = selected
            ? "请与发榜企业联系，商定并签署合作研发协议（协议草案将由平台生成），加入发榜企业牵头组建的创新联合体。"
            : "感谢贵单位参与揭榜。欢迎关注后续批次发布的技术需求。";
        var body = $"""
            {facts.OrganisationName}：

            贵单位申报的技术需求“{facts.DemandId} {facts.DemandTitle}”（批次 {facts.RoundId}，受理编号 {facts.ReceiptNo}，第 {version} 版）经发榜企业组织专家评审，结果为：{outcome}。

            {next}
            {(letter is null ? "" : $"评审结果通知书见附件（{letter.Name}）。\n")}本邮件由系统自动发送，请勿回复。

            ---
            The review of your application to demand {facts.DemandId} (round {facts.RoundId}, receipt {facts.ReceiptNo}, version {version})
            is complete: {(selected ? "selected" : "not selected")}.

            中关村强链工程揭榜挂帅平台
            """;
        return new OutgoingMail(to, $"揭榜评审结果 {facts.ReceiptNo}：{outcome}", body.Replace("\r\n", "\n", StringComparison.Ordinal), messageId,
            letter is null ? null : [letter]);
    }
}
