namespace StrongChain.Docs.Domain.Outbox;

/// <summary>
/// One piece of delivery work queued with the change that causes it: exactly one upload or one mail, so a retry
/// repeats one idempotent step and never half of several.
/// </summary>
/// <param name="Kind">One of <see cref="OutboxKinds"/>.</param>
/// <param name="EntityId">The application or bulletin the content is read from at delivery time.</param>
/// <param name="Version">The application version (null for a bulletin).</param>
/// <param name="Target">The library-relative path of an upload, or the recipient of a mail.</param>
public sealed record OutboxWork(string Kind, string EntityId, int? Version, string Target);

/// <summary>The kinds of outbox work.</summary>
public static class OutboxKinds
{
    /// <summary>The submitted form's exact bytes to the archive library.</summary>
    public const string ArchiveForm = "archive.form";

    /// <summary>The check report (record and findings, JSON) of that version to the archive library.</summary>
    public const string ArchiveCheck = "archive.check";

    /// <summary>The e-mail receipt to the applicant's contact address.</summary>
    public const string MailReceipt = "mail.receipt";

    /// <summary>The decision mail: the application was selected (入选), to the applicant's contact address.</summary>
    public const string MailDecisionSelected = "mail.decision.selected";

    /// <summary>The decision mail: the application was not selected (未入选).</summary>
    public const string MailDecisionNotSelected = "mail.decision.not-selected";

    /// <summary>A bulletin's .docx to the publishing library.</summary>
    public const string PublishBulletinDocx = "publish.bulletin.docx";

    /// <summary>A bulletin's PDF to the publishing library.</summary>
    public const string PublishBulletinPdf = "publish.bulletin.pdf";

    /// <summary>An uploaded progress report's exact bytes to the archive library (issue 12).</summary>
    public const string ArchiveProgressReport = "archive.report";

    /// <summary>The countersigned agreement that formed a consortium, byte for byte, to the archive library (issue 12).</summary>
    public const string ArchiveCountersigned = "archive.countersigned";

    public static bool IsMail(string kind) => kind is MailReceipt or MailDecisionSelected or MailDecisionNotSelected;

    public static bool IsUpload(string kind) => !IsMail(kind);

    /// <summary>The decision a decision mail's kind carries (the kind fixes the wording, so a resend says the same).</summary>
    public static string? DecisionOf(string kind) => kind switch
    {
        MailDecisionSelected => ApplicationDecisions.Selected,
        MailDecisionNotSelected => ApplicationDecisions.NotSelected,
        _ => null,
    };

    /// <summary>Archive work goes to the archive library; bulletins to the publishing library.</summary>
    public static bool IsPublishing(string kind) => kind is PublishBulletinDocx or PublishBulletinPdf;
}

/// <summary>The outbox states.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";
}
