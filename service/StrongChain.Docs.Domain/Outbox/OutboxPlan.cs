namespace StrongChain.Docs.Domain.Outbox;

/// <summary>Which delivery work a change causes.</summary>
public static class OutboxPlan
{
    /// <summary>
    /// A stored submission: archive the form and its check report, and mail the receipt to the applicant's contact
    /// address from the form (no mail when the form holds no usable address).
    /// </summary>
    public static IReadOnlyList<OutboxWork> ForSubmission(
        string applicationId, int version, string roundId, string demandId, string creditCode, string receiptNo, string? contactEmail)
    {
        var work = new List<OutboxWork>
        {
            new(OutboxKinds.ArchiveForm, applicationId, version, DeliveryPaths.Form(roundId, demandId, creditCode, receiptNo, version)),
            new(OutboxKinds.ArchiveCheck, applicationId, version, DeliveryPaths.CheckReport(roundId, demandId, creditCode, receiptNo, version)),
        };
        if (MailAddress(contactEmail) is { } to)
        {
            work.Add(new OutboxWork(OutboxKinds.MailReceipt, applicationId, version, to));
        }

        return work;
    }

    /// <summary>A decision on an application: the decision mail to the contact address of its latest version (none without one).</summary>
    public static IReadOnlyList<OutboxWork> ForDecision(string applicationId, int version, string decision, string? contactEmail) =>
        MailAddress(contactEmail) is { } to
            ? [new OutboxWork(decision == ApplicationDecisions.Selected ? OutboxKinds.MailDecisionSelected : OutboxKinds.MailDecisionNotSelected, applicationId, version, to)]
            : [];

    /// <summary>A generated bulletin: its .docx and its PDF to the publishing library.</summary>
    public static IReadOnlyList<OutboxWork> ForBulletin(string bulletinId, string roundId) =>
    [
        new(OutboxKinds.PublishBulletinDocx, bulletinId, null, DeliveryPaths.Bulletin(roundId, bulletinId, "docx")),
        new(OutboxKinds.PublishBulletinPdf, bulletinId, null, DeliveryPaths.Bulletin(roundId, bulletinId, "pdf")),
    ];

    /// <summary>A stored progress report version: its .docx to the archive, beside the consortium's other files.</summary>
    public static IReadOnlyList<OutboxWork> ForProgressReport(string reportId, int version, string roundId, string demandId, string consortiumId, int milestone, string receiptNo) =>
        [new(OutboxKinds.ArchiveProgressReport, reportId, version, DeliveryPaths.ProgressReport(roundId, demandId, consortiumId, milestone, receiptNo, version))];

    /// <summary>A consortium formed: the countersigned agreement to the archive.</summary>
    public static IReadOnlyList<OutboxWork> ForConsortium(string consortiumId, string roundId, string demandId, string fileName) =>
        [new(OutboxKinds.ArchiveCountersigned, consortiumId, null, DeliveryPaths.Countersigned(roundId, demandId, consortiumId, fileName))];

    /// <summary>The bare address (<c>a@b.cn</c>) when the value is one mail address, else null.</summary>
    public static string? MailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address)
            || !string.IsNullOrEmpty(address.DisplayName) || address.Address.Any(char.IsWhiteSpace))
        {
            return null;
        }

        return address.Address;
    }
}
