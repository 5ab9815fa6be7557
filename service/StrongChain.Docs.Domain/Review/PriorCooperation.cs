namespace StrongChain.Docs.Domain.Review;

/// <summary>
/// An application's organisation that already has an agreement with the same issuer: against the programme's condition
/// that applicant and issuer have not cooperated before (programme.md, 揭榜条件 3: first cooperation).
/// </summary>
public sealed record PriorCooperationFlag(string ApplicationId, string Organisation, string? CreditCode, string Role, string AgreementId, string AgreementDemandId);

public static class PriorCooperationRules
{
    public static IReadOnlyList<PriorCooperationFlag> For(ApplicationParties application, Party issuer, IEnumerable<PastAgreement> agreements)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(agreements);
        var flags = new List<PriorCooperationFlag>();
        // The application's own agreement (drafted after selection) is the cooperation under review, not a prior one.
        foreach (var agreement in agreements.Where(a => a.Parties.ApplicationId != application.ApplicationId && ConflictRules.Same(a.Issuer, issuer)))
        {
            var roles = application.CoApplicants.Select(c => (Party: c, Role: Conflict.CoApplicant)).Prepend((Party: application.Lead, Role: Conflict.LeadApplicant));
            foreach (var (party, role) in roles.Where(r => agreement.Parties.All.Any(p => ConflictRules.Same(p, r.Party))))
            {
                flags.Add(new PriorCooperationFlag(application.ApplicationId, party.Name ?? "", party.CreditCode, role, agreement.AgreementId, agreement.DemandId));
            }
        }

        return flags;
    }
}
