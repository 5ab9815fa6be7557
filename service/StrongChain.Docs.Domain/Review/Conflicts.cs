using StrongChain.Docs.Domain.CreditCodes;

namespace StrongChain.Docs.Domain.Review;

/// <summary>Why an expert may not review a demand's applications: their organisation is one of the parties.</summary>
/// <param name="Kind">issuer, co-issuer, lead-applicant or co-applicant.</param>
/// <param name="ApplicationId">The application that names the organisation; null for the demand's own issuers.</param>
public sealed record Conflict(string Kind, string Organisation, string? CreditCode, string? ApplicationId, string? ReceiptNo)
{
    public const string Issuer = "issuer";
    public const string CoIssuer = "co-issuer";
    public const string LeadApplicant = "lead-applicant";
    public const string CoApplicant = "co-applicant";
}

/// <summary>Conflict of interest at organisation level (issue 15): by credit code, and by name where only a name is known (joint issuers).</summary>
public static class ConflictRules
{
    public static IReadOnlyList<Conflict> For(Party expertOrganisation, DemandIssuers demand, IEnumerable<ApplicationParties> applications)
    {
        ArgumentNullException.ThrowIfNull(expertOrganisation);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(applications);
        var conflicts = new List<Conflict>();
        if (Same(expertOrganisation, demand.Issuer))
        {
            conflicts.Add(new Conflict(Conflict.Issuer, demand.Issuer.Name ?? "", demand.Issuer.CreditCode, null, null));
        }

        foreach (var coIssuer in demand.CoIssuers.Where(n => SameName(expertOrganisation.Name, n)))
        {
            conflicts.Add(new Conflict(Conflict.CoIssuer, coIssuer, null, null, null));
        }

        foreach (var application in applications)
        {
            conflicts.AddRange(ForApplication(expertOrganisation, application));
        }

        return conflicts;
    }

    /// <summary>The conflicts one application gives an expert's organisation (an application may arrive after the expert was assigned).</summary>
    public static IEnumerable<Conflict> ForApplication(Party expertOrganisation, ApplicationParties application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (Same(expertOrganisation, application.Lead))
        {
            yield return new Conflict(Conflict.LeadApplicant, application.Lead.Name ?? "", application.Lead.CreditCode, application.ApplicationId, application.ReceiptNo);
        }

        foreach (var co in application.CoApplicants.Where(c => Same(expertOrganisation, c)))
        {
            yield return new Conflict(Conflict.CoApplicant, co.Name ?? "", co.CreditCode, application.ApplicationId, application.ReceiptNo);
        }
    }

    /// <summary>Same organisation: equal credit codes when both are known, else equal names (spaces and width ignored).</summary>
    public static bool Same(Party a, Party b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (ca, cb) = (Code(a.CreditCode), Code(b.CreditCode));
        return ca is not null && cb is not null ? ca == cb : SameName(a.Name, b.Name);
    }

    private static string? Code(string? code) => string.IsNullOrWhiteSpace(code) ? null : UnifiedCreditCode.Normalize(code);

    private static bool SameName(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(Name(a), Name(b), StringComparison.OrdinalIgnoreCase);

    private static string Name(string name) => string.Concat(name.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
