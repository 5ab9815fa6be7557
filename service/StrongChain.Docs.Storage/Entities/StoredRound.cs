namespace StrongChain.Docs.Storage.Entities;

/// <summary>A round as stored; times in UTC (PostgreSQL timestamptz takes UTC only), shown in the round's zone.</summary>
public sealed class StoredRound
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset OpensUtc { get; set; }
    public DateTimeOffset ClosesUtc { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>JSON array of sector names, in order.</summary>
    public required string SectorsJson { get; set; }
    public int MaxCoApplicants { get; set; }
    public int MaxProjectMonths { get; set; }
    public decimal SupportRatio { get; set; }
    /// <summary>Order of rounds as they were first stored.</summary>
    public int Position { get; set; }
}
