namespace StrongChain.Docs.Storage.Entities;

/// <summary>
/// A consortium formed by a countersigned agreement (one per agreement). Amounts in 万元; parties, milestones and budget
/// items as JSON (they are read whole); the countersigned file byte for byte with its SHA-256.
/// </summary>
public sealed class StoredConsortium
{
    public required string Id { get; set; }
    public required string AgreementId { get; set; }
    public int AgreementVersion { get; set; }
    public required string ApplicationId { get; set; }
    public int ApplicationVersion { get; set; }
    public required string RoundId { get; set; }
    public required string DemandId { get; set; }
    public required string DemandTitle { get; set; }
    public required string Sector { get; set; }
    /// <summary>The lead applicant's credit code (乙方): the organisation that reports progress.</summary>
    public required string LeadCreditCode { get; set; }
    public required string LeadName { get; set; }
    public decimal AgreedBudget { get; set; }
    public decimal IssuerFunds { get; set; }
    public decimal ApplicantFunds { get; set; }
    public decimal JointInvestment { get; set; }
    public decimal SupportRatio { get; set; }
    public decimal RequestedSupport { get; set; }
    public decimal SupportAmount { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public required string PartiesJson { get; set; }
    public required string MilestonesJson { get; set; }
    public required string BudgetItemsJson { get; set; }
    public required string SignedFileName { get; set; }
    public required string SignedContentType { get; set; }
    public long SignedSize { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="SignedFile"/>.</summary>
    public required string SignedSha256 { get; set; }
    public required byte[] SignedFile { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public required string SignedBy { get; set; }
}

/// <summary>A round's consortium target and support budget (<see cref="Domain.Consortia.RoundTargets"/>); absent means the defaults.</summary>
public sealed class StoredRoundTargets
{
    public required string RoundId { get; set; }
    public int ConsortiumTarget { get; set; }
    public decimal? SupportBudget { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
