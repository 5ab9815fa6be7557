namespace StrongChain.Docs.Storage.Outbox;

/// <summary>
/// The outbox: work is added by the stores in the transaction of its cause; workers on any number of instances claim
/// due items one at a time with a lease (an atomic conditional update), so no item is held by two live workers.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Claims the earliest due pending item whose lease (if any) ran out, or null when none is due.</summary>
    Task<ClaimedOutboxItem?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>Marks a claimed item done; false when the claim was lost (the lease ran out and another worker took it).</summary>
    Task<bool> CompleteAsync(string id, string owner, CancellationToken ct);

    /// <summary>Extends the claim to now + <paramref name="lease"/> while the caller still holds it (a delivery that takes long).</summary>
    Task<bool> RenewAsync(string id, string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>Releases a claimed item to be tried again at <paramref name="dueAt"/>.</summary>
    Task<bool> RetryLaterAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken ct);

    /// <summary>Gives a claimed item up for good (attempts used up, or its content is gone).</summary>
    Task<bool> FailAsync(string id, string owner, string error, CancellationToken ct);

    /// <summary>Counts per status and the latest <paramref name="limit"/> items (of one status when given).</summary>
    Task<OutboxOverview> OverviewAsync(string? status, int limit, CancellationToken ct);

    /// <summary>A stored version's bytes and facts, or null when there is no such version.</summary>
    Task<SubmissionForDelivery?> SubmissionAsync(string applicationId, int version, CancellationToken ct);
}
