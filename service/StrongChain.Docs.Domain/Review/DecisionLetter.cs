using System.Globalization;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Domain.Review;

/// <summary>
/// What a decision letter states, fixed when the decision is made (kept in the decision's audit entry): the letter is
/// regenerated from these facts, so later scores or renamed demands never change a letter already sent.
/// </summary>
/// <param name="Rank">The application's rank within its demand when scoring results existed; null without scores.</param>
/// <param name="Ranked">How many applications of the demand were ranked then.</param>
/// <param name="Date">The decision's date in the round's time zone.</param>
public sealed record DecisionLetterFacts(
    string ApplicationId,
    string ReceiptNo,
    int Version,
    string OrganisationName,
    string CreditCode,
    string DemandId,
    string DemandTitle,
    string Issuer,
    string RoundId,
    string RoundName,
    string Decision,
    int? Rank,
    int? Ranked,
    decimal? WeightedTotal,
    DateOnly Date);

/// <summary>
/// The decision letter (评审结果通知书) to the lead applicant as plain text blocks: addressee, the decision and the facts
/// it rests on, the next step, the committee as sender and the date. Same facts, same text.
/// </summary>
public sealed record DecisionLetterContent(
    string Title,
    string Reference,
    string Addressee,
    IReadOnlyList<string> Opening,
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyList<string> Closing,
    string Sender,
    string Date)
{
    /// <summary>The committee that signs the letter (the programme's 工作专班).</summary>
    public const string Committee = BulletinContent.IssuingAuthority + "强链工程工作专班";

    public static DecisionLetterContent Compose(DecisionLetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var selected = facts.Decision == ApplicationDecisions.Selected;
        var outcome = selected ? "入选" : "未入选";
        var version = facts.Version.ToString(CultureInfo.InvariantCulture);
        var rows = new List<(string, string)>
        {
            ("受理编号", $"{facts.ReceiptNo}（第{version}版）"),
            ("牵头申报单位", $"{facts.OrganisationName}（统一社会信用代码 {facts.CreditCode}）"),
            ("技术需求", $"{facts.DemandId} {facts.DemandTitle}"),
            ("发榜企业", facts.Issuer),
            ("所属批次", facts.RoundName),
            ("评审结果", outcome),
        };
        if (facts.Rank is { } rank && facts.WeightedTotal is { } total)
        {
            var of = facts.Ranked is { } n ? string.Create(CultureInfo.InvariantCulture, $"（共{n}项参与排序）") : "";
            rows.Add(("专家评审排名", string.Create(CultureInfo.InvariantCulture, $"第{rank}名{of}")));
            rows.Add(("加权总分", total.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        string[] closing = selected
            ?
            [
                $"请贵单位自收到本通知之日起与发榜企业{facts.Issuer}联系，商定并签署合作研发协议（协议草案由平台生成），加入发榜企业牵头组建的创新联合体，按协议约定开展联合攻关。",
                "管委会按联合研发投入的一定比例对联合攻关给予支持，具体以协议和有关管理办法为准。",
            ]
            :
            [
                "感谢贵单位积极参与揭榜。本次未入选不影响贵单位参与后续批次发布的技术需求。",
                "如对评审结果有疑问，可在收到本通知之日起十个工作日内向工作专班书面提出。",
            ];
        return new DecisionLetterContent(
            "揭榜挂帅评审结果通知书",
            $"编号：{facts.ReceiptNo}-{(selected ? "RX" : "WRX")}",
            $"{facts.OrganisationName}：",
            [$"贵单位申报的技术需求“{facts.DemandId} {facts.DemandTitle}”（发榜企业：{facts.Issuer}，{facts.RoundName}）已完成专家评审和发榜企业遴选。经研究，评审结果为：{outcome}。"],
            rows,
            closing,
            Committee,
            facts.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
    }

    /// <summary>The letter's file name (attachment and download).</summary>
    public static string FileName(string receiptNo) => $"评审结果通知书-{receiptNo}.docx";
}
