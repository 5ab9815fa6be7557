namespace StrongChain.Docs.Storage.Outbox;

/// <summary>An item a worker holds until its lease runs out; <see cref="Attempts"/> counts this claim.</summary>
public sealed record ClaimedOutboxItem(string Id, string Kind, string EntityId, int? Version, string Target, int Attempts);

/// <summary>An item as staff see it.</summary>
public sealed record OutboxItemInfo(
    string Id,
    string Kind,
    string EntityId,
    int? Version,
    string Target,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    string? LastError);

/// <summary>Counts per status and the latest items.</summary>
public sealed record OutboxOverview(int Pending, int Done, int Failed, IReadOnlyList<OutboxItemInfo> Items);

/// <summary>A stored version with everything its delivery needs (bytes, receipt facts, check report).</summary>
public sealed record SubmissionForDelivery(
    string ApplicationId,
    int Version,
    string RoundId,
    string DemandId,
    string DemandTitle,
    string CreditCode,
    string OrganisationName,
    string ReceiptNo,
    string Sha256,
    long Size,
    DateTimeOffset SubmittedAt,
    string TimeZone,
    bool Complete,
    bool Eligible,
    string RecordJson,
    string FindingsJson,
    byte[] Bytes);
