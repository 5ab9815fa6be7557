namespace StrongChain.Docs.Storage.Entities;

/// <summary>One organisation's application to one demand; its versions hold what was submitted.</summary>
public sealed class StoredApplication
{
    public required string Id { get; set; }
    public required string DemandId { get; set; }
    public required string RoundId { get; set; }
    /// <summary>The lead applicant's unified social credit code (normalised), the owner of the application.</summary>
    public required string CreditCode { get; set; }
    public required string OrganisationName { get; set; }
    public int LatestVersion { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
