using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>The review stage's views (issue 15): a demand's applications with their flags (staff), an expert's panel seats, the audit trail.</summary>
[ApiController]
public sealed class ReviewController(IReviewStore review, IProgrammeCatalogue catalogue, ActorClaims actors) : ControllerBase
{
    /// <summary>
    /// A demand's applications in receipt order with eligibility and the prior-cooperation flag (an organisation of the
    /// application already has an agreement with the same issuer). Staff only; each listed application is an audited read.
    /// </summary>
    [HttpGet("api/demands/{demandId}/review")]
    [Authorize(Policies.Staff)]
    public async Task<DemandReviewResponse> Demand(string demandId, [FromServices] IApplicationStore applications, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        var summaries = (await applications.ListAsync(demand.Id, null, null, ct)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var parties = await review.PartiesAsync([demand.Id], ct);
        var agreements = await review.AgreementsAsync(ct);
        var issuer = new Party(demand.IssuerCreditCode, demand.Issuer);
        var items = parties.Where(p => summaries.ContainsKey(p.ApplicationId)).Select(p =>
        {
            var s = summaries[p.ApplicationId];
            var flags = PriorCooperationRules.For(p, issuer, agreements);
            return new ReviewedApplication(s.Id, s.ReceiptNo, s.OrganisationName, s.CreditCode, [.. p.CoApplicants], s.Status, s.Complete, s.Eligible,
                s.ErrorCount, s.WarningCount, flags.Count > 0, flags);
        }).ToList();
        var invitation = await review.InvitationAsync(demand.Id, ct);
        await review.RecordReadsAsync(actors.Require(User), "application.review-list", [.. items.Select(i => i.Id)], new { demandId = demand.Id }, ct);
        return new DemandReviewResponse(demand.Id, demand.Title, demand.Issuer, demand.IssuerCreditCode, invitation is not null,
            invitation?.CreditCodes ?? [], (await review.PanelAsync(demand.Id, ct)).Count, items);
    }

    /// <summary>The demands whose panel names the signed-in expert.</summary>
    [HttpGet("api/review/assignments")]
    [Authorize(Policies.Expert)]
    public async Task<IReadOnlyList<AssignmentResponse>> Assignments(CancellationToken ct)
    {
        var seats = await review.AssignmentsAsync(actors.Require(User).Id, ct);
        var result = new List<AssignmentResponse>();
        foreach (var seat in seats)
        {
            var demand = await catalogue.FindDemandAsync(seat.DemandId, ct);
            result.Add(new AssignmentResponse(seat.DemandId, demand?.RoundId, demand?.Title, seat.Field));
        }

        return result;
    }

    /// <summary>The audit trail, newest first (by entity id and/or action; at most 500 entries). Staff only.</summary>
    [HttpGet("api/audit")]
    [Authorize(Policies.Staff)]
    public async Task<IReadOnlyList<AuditEntryResponse>> Audit([FromQuery] string? entityId, [FromQuery] string? action, [FromQuery] int? limit, CancellationToken ct) =>
        [.. (await review.AuditAsync(entityId, action, Math.Clamp(limit ?? 100, 1, 500), ct))
            .Select(e => new AuditEntryResponse(e.Id, ApplicationListItem.Beijing(e.At), e.Actor, e.Role, e.Action, e.Entity, e.EntityId, e.DetailJson))];
}

public sealed record ReviewedApplication(
    string Id, string ReceiptNo, string OrganisationName, string CreditCode, IReadOnlyList<Party> CoApplicants, string Status,
    bool Complete, bool Eligible, int ErrorCount, int WarningCount, bool PriorCooperation, IReadOnlyList<PriorCooperationFlag> PriorCooperationFlags);

public sealed record DemandReviewResponse(
    string DemandId, string Title, string Issuer, string? IssuerCreditCode, bool InvitationOnly, IReadOnlyList<string> InvitedCreditCodes,
    int PanelSize, IReadOnlyList<ReviewedApplication> Applications);

public sealed record AssignmentResponse(string DemandId, string? RoundId, string? Title, string? Field);

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Role, string Action, string Entity, string EntityId, string? DetailJson);
