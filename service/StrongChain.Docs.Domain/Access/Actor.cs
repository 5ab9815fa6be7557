namespace StrongChain.Docs.Domain.Access;

/// <summary>Who does something: a signed-in user (subject id), the role they act in and, for applicants, their organisation.</summary>
public sealed record Actor(string Id, string Role, string? CreditCode)
{
    public const string ApplicantRole = "applicant";
    public const string StaffRole = "staff";

    /// <summary>The service itself (seeding, start-up work) in the audit trail.</summary>
    public static Actor System { get; } = new("system", "system", null);

    public bool IsStaff => Role == StaffRole;
}
