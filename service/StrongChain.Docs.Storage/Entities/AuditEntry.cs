namespace StrongChain.Docs.Storage.Entities;

/// <summary>Who did what, when: appended in the same transaction as the change it describes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Role { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public string? DetailJson { get; set; }
}
