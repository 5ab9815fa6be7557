using System.Text.Json;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Microsoft365;
using StrongChain.Docs.Storage.Bulletins;
using StrongChain.Docs.Storage.Outbox;

namespace StrongChain.Docs.Api.Outbox;

/// <summary>Does one claimed item: reads its content from the store (as stored, so a repeat sends the same bytes) and delivers it.</summary>
public sealed class OutboxExecutor(IOutboxStore outbox, IBulletinStore bulletins, IDeliveryTarget target, PdfRenderer renderer)
{
    private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true };

    public async Task ExecuteAsync(ClaimedOutboxItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.Kind)
        {
            case OutboxKinds.ArchiveForm:
                var form = await SubmissionAsync(item, ct);
                await target.UploadAsync(DeliveryLibrary.Archive, item.Target, form.Bytes, ct);
                break;
            case OutboxKinds.ArchiveCheck:
                var checkedForm = await SubmissionAsync(item, ct);
                await target.UploadAsync(DeliveryLibrary.Archive, item.Target, CheckReport(checkedForm), ct);
                break;
            case OutboxKinds.MailReceipt:
                var s = await SubmissionAsync(item, ct);
                var submittedAt = ApplicationSubmitter.InZoneOf(s.SubmittedAt, s.TimeZone);
                var mail = ReceiptMail.Compose(item.Target, ReceiptMail.MessageId(item.Id), new ReceiptFacts(
                    s.ReceiptNo, s.Version, s.Sha256, s.Size, submittedAt, s.DemandId, s.DemandTitle, s.RoundId, s.OrganisationName));
                // A second claim means an earlier one may have sent it and died before saying so.
                await target.SendMailAsync(mail, mayHaveBeenSent: item.Attempts > 1, ct);
                break;
            case OutboxKinds.MailDecisionSelected or OutboxKinds.MailDecisionNotSelected:
                var decided = await SubmissionAsync(item, ct);
                var decisionMail = DecisionMail.Compose(item.Target, ReceiptMail.MessageId(item.Id), new DecisionFacts(
                    decided.ReceiptNo, decided.Version, decided.DemandId, decided.DemandTitle, decided.RoundId, decided.OrganisationName, OutboxKinds.DecisionOf(item.Kind)!));
                await target.SendMailAsync(decisionMail, mayHaveBeenSent: item.Attempts > 1, ct);
                break;
            case OutboxKinds.PublishBulletinDocx:
                var docx = await BulletinAsync(item, ct);
                await target.UploadAsync(DeliveryLibrary.Publishing, item.Target, docx.Bytes, ct);
                break;
            case OutboxKinds.PublishBulletinPdf:
                var source = await BulletinAsync(item, ct);
                var pdf = await renderer.RenderAsync(source.Bytes, ct);
                await target.UploadAsync(DeliveryLibrary.Publishing, item.Target, pdf, ct);
                break;
            default:
                throw new OutboxContentMissingException($"Unknown outbox kind '{item.Kind}'.");
        }
    }

    /// <summary>The check report archived beside the form: receipt, hash, outcome, findings and record as stored (same bytes every time).</summary>
    public static byte[] CheckReport(SubmissionForDelivery s)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var findings = JsonDocument.Parse(s.FindingsJson);
        using var record = JsonDocument.Parse(s.RecordJson);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            receiptNo = s.ReceiptNo,
            applicationId = s.ApplicationId,
            version = s.Version,
            roundId = s.RoundId,
            demandId = s.DemandId,
            creditCode = s.CreditCode,
            sha256 = s.Sha256,
            size = s.Size,
            submittedAt = ApplicationSubmitter.InZoneOf(s.SubmittedAt, s.TimeZone),
            complete = s.Complete,
            eligible = s.Eligible,
            findings = findings.RootElement,
            record = record.RootElement,
        }, ReportJson);
    }

    private async Task<SubmissionForDelivery> SubmissionAsync(ClaimedOutboxItem item, CancellationToken ct) =>
        await outbox.SubmissionAsync(item.EntityId, item.Version ?? 0, ct)
        ?? throw new OutboxContentMissingException($"Application '{item.EntityId}' has no version {item.Version}.");

    private async Task<BulletinDocumentBytes> BulletinAsync(ClaimedOutboxItem item, CancellationToken ct) =>
        await bulletins.DocumentAsync(item.EntityId, ct)
        ?? throw new OutboxContentMissingException($"There is no bulletin '{item.EntityId}'.");
}

/// <summary>The item's content is not in the store: retrying cannot help, so the item fails at once.</summary>
public sealed class OutboxContentMissingException(string message) : Exception(message);
