using System.Globalization;

namespace StrongChain.Docs.Domain.Outbox;

/// <summary>A mail to send: plain text, with a message id fixed by the outbox item so a resend is recognisable, and optional attachments.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string MessageId, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file attached to a mail (Graph sends it inline as a fileAttachment, so at most <see cref="InlineLimit"/> bytes).</summary>
public sealed record MailAttachment(string Name, string ContentType, byte[] Bytes)
{
    /// <summary>Graph's limit for attachments sent inline with sendMail (3 MB); larger ones would need an upload session.</summary>
    public const int InlineLimit = 3 * 1024 * 1024;
}

/// <summary>What the receipt mail states about one stored version.</summary>
public sealed record ReceiptFacts(
    string ReceiptNo,
    int Version,
    string Sha256,
    long Size,
    DateTimeOffset SubmittedAt,
    string DemandId,
    string DemandTitle,
    string RoundId,
    string OrganisationName);

/// <summary>The wording of the e-mail receipt (Chinese, with the English below it).</summary>
public static class ReceiptMail
{
    /// <summary>The RFC 5322 message id of an outbox item's mail: the same item always gives the same id.</summary>
    public static string MessageId(string outboxItemId) => $"<{outboxItemId}@strongchain.docs>";

    public static OutgoingMail Compose(string to, string messageId, ReceiptFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var at = facts.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        var size = facts.Size.ToString("N0", CultureInfo.InvariantCulture);
        var version = facts.Version.ToString(CultureInfo.InvariantCulture);
        var subject = $"揭榜申报受理回执 {facts.ReceiptNo}";
        var body = $"""
            {facts.OrganisationName}：

            贵单位提交的揭榜任务申报书已受理。

            受理编号：{facts.ReceiptNo}
            技术需求：{facts.DemandId} {facts.DemandTitle}
            批次：{facts.RoundId}
            版本：第 {version} 版
            提交时间：{at}
            文件大小：{size} 字节
            SHA-256：{facts.Sha256}

            请保存本回执。SHA-256 是所提交文件的指纹，可用于核对留存文件与提交文件一致。
            本邮件由系统自动发送，请勿回复。

            ---
            Your application form has been received.
            Receipt number: {facts.ReceiptNo}; demand {facts.DemandId}; round {facts.RoundId}; version {version};
            submitted {at}; {size} bytes; SHA-256 {facts.Sha256}.

            中关村强链工程揭榜挂帅平台
            """;
        return new OutgoingMail(to, subject, body.Replace("\r\n", "\n", StringComparison.Ordinal), messageId);
    }
}
