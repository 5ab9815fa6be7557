using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>Invited bidding (小范围邀标, issue 15): staff make a demand invitation-only with a list of credit codes, or open it again.</summary>
[ApiController]
[Route("api/demands/{demandId}/invitation")]
[Authorize(Policies.Staff)]
public sealed class InvitationsController(IReviewStore review, IProgrammeCatalogue catalogue, ActorClaims actors) : ControllerBase
{
    [HttpGet]
    public async Task<InvitationResponse> Get(string demandId, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        return await review.InvitationAsync(demand.Id, ct) is { } invitation
            ? new InvitationResponse(demand.Id, true, invitation.CreditCodes)
            : new InvitationResponse(demand.Id, false, []);
    }

    /// <summary><c>{"invitationOnly":true,"creditCodes":[…]}</c>; <c>{"invitationOnly":false}</c> makes it an open call again.</summary>
    [HttpPut]
    public async Task<InvitationResponse> Set(string demandId, [FromBody] InvitationRequest request, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        if (request is null || request.InvitationOnly is not { } invitationOnly)
        {
            throw ApiProblemException.BadRequest("invitation-incomplete", "请说明是否小范围邀标（invitationOnly）。", "Say whether the demand is invitation-only (invitationOnly).");
        }

        IReadOnlyList<string>? codes = null;
        if (invitationOnly)
        {
            var parsed = (request.CreditCodes ?? []).Select(UnifiedCreditCode.Parse).ToList();
            if (parsed.Count == 0)
            {
                throw ApiProblemException.BadRequest("invitation-incomplete", "小范围邀标须列出至少一个受邀单位的统一社会信用代码（creditCodes）。",
                    "An invitation-only demand lists at least one invited credit code (creditCodes).");
            }

            if (parsed.FirstOrDefault(p => !p.IsValid) is { } bad)
            {
                throw ApiProblemException.BadRequest("invalid-credit-code", $"受邀单位的统一社会信用代码“{bad.Input}”无效（须为18位且校验位正确）。",
                    $"The invited credit code '{bad.Input}' is not valid (18 characters with a matching check character).");
            }

            codes = [.. parsed.Select(p => p.Value).Distinct(StringComparer.Ordinal)];
        }

        await review.SetInvitationAsync(demand.Id, codes, actors.Require(User), ct);
        return new InvitationResponse(demand.Id, invitationOnly, codes ?? []);
    }
}

public sealed record InvitationRequest(bool? InvitationOnly, IReadOnlyList<string>? CreditCodes);

public sealed record InvitationResponse(string DemandId, bool InvitationOnly, IReadOnlyList<string> CreditCodes);
