using StrongChain.Docs.Domain.Access;

namespace StrongChain.Docs.Storage.Applications;

/// <summary>
/// Applications and their versions. A <c>creditCode</c> argument limits what is visible to one organisation
/// (null: everything, for staff); another organisation's application reads as missing.
/// </summary>
public interface IApplicationStore
{
    /// <summary>Stores a submission as version n+1 of the organisation's application to the demand, with its receipt, audit entry and outbox work (archive, receipt mail), in one transaction.</summary>
    Task<SubmissionReceipt> SubmitAsync(NewSubmission submission, CancellationToken ct);

    Task<IReadOnlyList<ApplicationSummary>> ListAsync(string? demandId, string? roundId, string? creditCode, CancellationToken ct);

    Task<ApplicationDetail?> FindAsync(string id, string? creditCode, CancellationToken ct);

    /// <summary>The bytes of a version (the latest when <paramref name="version"/> is null).</summary>
    Task<StoredDocument?> DocumentAsync(string id, int? version, string? creditCode, CancellationToken ct);

    Task<IReadOnlyList<ApplicationForReview>> ForReviewAsync(string? roundId, CancellationToken ct);

    /// <summary>
    /// Records the review's decision as the application's status, with its audit entry and the decision mail queued in the
    /// same transaction; false when the application does not exist. A later resubmission sets the status back to submitted.
    /// </summary>
    Task<bool> DecideAsync(string id, string decision, Actor actor, CancellationToken ct);
}
