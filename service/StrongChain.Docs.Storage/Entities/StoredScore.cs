namespace StrongChain.Docs.Storage.Entities;

/// <summary>One expert's score of one application on one criterion (issue 15); an upload replaces the expert's scores of the demand.</summary>
public sealed class StoredScore
{
    public required string DemandId { get; set; }
    public required string ExpertId { get; set; }
    public required string ApplicationId { get; set; }
    public required string CriterionKey { get; set; }
    public decimal Value { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>A round's scoring criteria and weights (issue 15). No row: the defaults of <c>ScoringCriteria.Default</c>.</summary>
public sealed class StoredScoringSettings
{
    public required string RoundId { get; set; }
    public required string CriteriaJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
