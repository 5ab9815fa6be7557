namespace StrongChain.Docs.Storage.Entities;

/// <summary>
/// One delivery step (upload or mail) queued in the same transaction as the change that causes it. Times are Unix
/// milliseconds so both providers compare and order them in SQL (SQLite cannot compare DateTimeOffset).
/// </summary>
public sealed class StoredOutboxItem
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string EntityId { get; set; }
    public int? Version { get; set; }
    /// <summary>Library-relative path of an upload, or a mail's recipient.</summary>
    public required string Target { get; set; }
    public required string Status { get; set; }
    /// <summary>Claims so far (a claim counts even if its worker died before finishing).</summary>
    public int Attempts { get; set; }
    public long CreatedAt { get; set; }
    /// <summary>Not to be claimed before this instant (backoff, Retry-After).</summary>
    public long DueAt { get; set; }
    /// <summary>The worker holding the item, until <see cref="LeaseUntil"/>; an expired lease may be claimed by another.</summary>
    public string? ClaimedBy { get; set; }
    public long? LeaseUntil { get; set; }
    public long? CompletedAt { get; set; }
    public string? LastError { get; set; }
}
