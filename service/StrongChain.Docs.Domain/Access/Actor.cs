namespace StrongChain.Docs.Domain.Access;

/// <summary>Who does something: a signed-in user (subject id), the role they act in and, for applicants and issuers, their organisation.</summary>
public sealed record Actor(string Id, string Role, string? CreditCode)
{
    public const string ApplicantRole = "applicant";
    public const string StaffRole = "staff";

    /// <summary>A reviewer on one or more demands' panels (issue 15); identified by the subject id the panel names.</summary>
    public const string ExpertRole = "expert";

    /// <summary>An issuing enterprise (发榜企业), by the credit code of its demands (issue 15).</summary>
    public const string IssuerRole = "issuer";

    /// <summary>The service itself (seeding, start-up work) in the audit trail.</summary>
    public static Actor System { get; } = new("system", "system", null);

    public bool IsStaff => Role == StaffRole;
}
