namespace StrongChain.Docs.Storage.Entities;

/// <summary>One agreement per application; regenerating it adds a version.</summary>
public sealed class StoredAgreement
{
    public required string Id { get; set; }
    public required string ApplicationId { get; set; }
    public required string RoundId { get; set; }
    public required string DemandId { get; set; }
    /// <summary>The lead applicant's credit code: the organisation that may read the agreement besides staff.</summary>
    public required string CreditCode { get; set; }
    public required string OrganisationName { get; set; }
    public int LatestVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A generated draft: the .docx, the application version it was made from, and the signed PDF once rendered.</summary>
public sealed class StoredAgreementVersion
{
    public required string AgreementId { get; set; }
    public int Version { get; set; }
    public int ApplicationVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int PartyCount { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Docx"/>; the signature box and /Reason name it.</summary>
    public required string DocxSha256 { get; set; }
    public required byte[] Docx { get; set; }
    public string? PdfSha256 { get; set; }
    /// <summary>The signed PDF, kept once made so every download and verification sees the same signature.</summary>
    public byte[]? SignedPdf { get; set; }
}
