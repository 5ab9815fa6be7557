namespace StrongChain.Docs.Storage.Entities;

/// <summary>A generated bulletin, kept as made: the .docx bytes with their SHA-256 and the counts it was made with.</summary>
public sealed class StoredBulletin
{
    public required string Id { get; set; }
    public required string RoundId { get; set; }
    public required string DocumentNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int DemandCount { get; set; }
    /// <summary>JSON array of <c>{name, count}</c>, in the bulletin's order.</summary>
    public required string SectorsJson { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    /// <summary>The .docx exactly as generated, so a later GET returns what was published even if the demands change.</summary>
    public required byte[] Bytes { get; set; }
}
