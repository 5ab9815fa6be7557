namespace StrongChain.Docs.Storage.Entities;

/// <summary>A demand as stored: every field of <see cref="Domain.Programme.Demand"/> plus its place in the list.</summary>
public sealed class StoredDemand
{
    public required string Id { get; set; }
    public required string RoundId { get; set; }
    public required string Sector { get; set; }
    public string? SubField { get; set; }
    public required string Title { get; set; }
    public required string Issuer { get; set; }
    public string? IssuerCreditCode { get; set; }
    public string? CoIssuers { get; set; }
    public string? Summary { get; set; }
    public string? Indicators { get; set; }
    public int? DeadlineMonths { get; set; }
    public string? Procurement { get; set; }
    public string? CommittedVolume { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public required string ReviewStatus { get; set; }
    /// <summary>Order within the round's list (the import's row order).</summary>
    public int Position { get; set; }
}
