using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;
using StrongChain.Docs.Api.Programme;

namespace StrongChain.Docs.Api.Review;

/// <summary>
/// What one caller may read of the applications (issue 15): staff everything; an applicant its organisation's; an issuer the
/// applications to its own demands (by credit code); an expert those of the demands whose panel names them, except
/// applications of its own organisation (a conflict that arose after the assignment).
/// </summary>
public sealed record ApplicationScope(string? CreditCode, IReadOnlySet<string>? DemandIds, IReadOnlySet<string> Excluded)
{
    public static ApplicationScope Everything { get; } = new(null, null, new HashSet<string>());

    /// <summary>The credit code filter the store applies itself (applicants only).</summary>
    public string? StoreFilter => CreditCode;

    public bool Allows(ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return (CreditCode is null || application.CreditCode == CreditCode)
            && (DemandIds is null || DemandIds.Contains(application.DemandId))
            && !Excluded.Contains(application.Id);
    }
}

public sealed class ApplicationAccess(IReviewStore review, IProgrammeCatalogue catalogue)
{
    /// <summary>An expert works only on the panels that name it (403 <c>not-on-panel</c>); staff on every panel.</summary>
    public async Task EnsureOnPanelAsync(string demandId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == Actor.ExpertRole && !(await review.PanelAsync(demandId, ct)).Any(m => m.ExpertId == actor.Id))
        {
            throw new Problems.ApiProblemException(StatusCodes.Status403Forbidden, "not-on-panel", $"您不在需求“{demandId}”的评审组中。",
                $"You are not on the panel of demand '{demandId}'.");
        }
    }

    public async Task<ApplicationScope> ScopeAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (actor.Role)
        {
            case Actor.StaffRole:
                return ApplicationScope.Everything;
            case Actor.ApplicantRole:
                return new ApplicationScope(actor.CreditCode ?? "", null, new HashSet<string>());
            case Actor.IssuerRole:
                var own = (await catalogue.DemandsAsync(null, null, ct))
                    .Where(d => d.IssuerCreditCode is not null && d.IssuerCreditCode == actor.CreditCode).Select(d => d.Id);
                return new ApplicationScope(null, own.ToHashSet(StringComparer.Ordinal), new HashSet<string>());
            case Actor.ExpertRole:
                var seats = await review.AssignmentsAsync(actor.Id, ct);
                var demandIds = seats.Select(s => s.DemandId).ToHashSet(StringComparer.Ordinal);
                var parties = await review.PartiesAsync(demandIds, ct);
                var excluded = parties.Where(p => seats.Any(s => s.DemandId == p.DemandId
                        && ConflictRules.ForApplication(new Party(s.OrganisationCreditCode, s.Organisation), p).Any()))
                    .Select(p => p.ApplicationId).ToHashSet(StringComparer.Ordinal);
                return new ApplicationScope(null, demandIds, excluded);
            default:
                // A role the policies do not know sees nothing.
                return new ApplicationScope("", new HashSet<string>(), new HashSet<string>());
        }
    }
}
