namespace StrongChain.Docs.Storage.Entities;

/// <summary>An expert assigned to the review panel of one demand (issue 15).</summary>
public sealed class StoredPanelMember
{
    public long Id { get; set; }
    public required string DemandId { get; set; }
    /// <summary>The expert's sign-in subject (Entra object id, or the Development token's subject).</summary>
    public required string ExpertId { get; set; }
    public required string Name { get; set; }
    public required string Organisation { get; set; }
    public required string OrganisationCreditCode { get; set; }
    public string? Field { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
}
