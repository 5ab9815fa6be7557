namespace StrongChain.Docs.Storage.Entities;

/// <summary>An invitation-only demand (小范围邀标) and the credit codes invited to it (issue 15). No row: an open call.</summary>
public sealed class StoredInvitation
{
    public required string DemandId { get; set; }
    /// <summary>JSON array of normalised credit codes.</summary>
    public required string CreditCodesJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
