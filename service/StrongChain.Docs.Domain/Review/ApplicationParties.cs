namespace StrongChain.Docs.Domain.Review;

/// <summary>One organisation named by an application or a demand: credit code (normalised, may be unknown) and name.</summary>
public sealed record Party(string? CreditCode, string? Name);

/// <summary>The organisations of an application's latest version: the lead applicant and every co-applicant.</summary>
public sealed record ApplicationParties(string ApplicationId, string DemandId, string ReceiptNo, Party Lead, IReadOnlyList<Party> CoApplicants)
{
    public IEnumerable<Party> All => CoApplicants.Prepend(Lead);
}

/// <summary>The issuing side of a demand: the issuer (credit code may be unknown for historical rows) and joint issuers by name.</summary>
public sealed record DemandIssuers(string DemandId, Party Issuer, IReadOnlyList<string> CoIssuers);

/// <summary>A stored agreement with its parties: the demand's issuer on one side, the application's organisations on the other.</summary>
public sealed record PastAgreement(string AgreementId, string DemandId, Party Issuer, ApplicationParties Parties);
