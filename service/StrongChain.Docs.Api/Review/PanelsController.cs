using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>Review panels per demand (issue 15): staff assign experts; an expert of a party's organisation is refused (409).</summary>
[ApiController]
[Route("api/demands/{demandId}/panel")]
[Authorize(Policies.Staff)]
public sealed class PanelsController(IReviewStore review, IProgrammeCatalogue catalogue, ActorClaims actors) : ControllerBase
{
    /// <summary>The panel, each member with the conflicts the demand's applications give it today.</summary>
    [HttpGet]
    public async Task<IReadOnlyList<PanelMemberResponse>> Get(string demandId, CancellationToken ct)
    {
        var demand = await DemandAsync(demandId, ct);
        var parties = await review.PartiesAsync([demand.Id], ct);
        return [.. (await review.PanelAsync(demand.Id, ct)).Select(m => PanelMemberResponse.From(m,
            ConflictRules.For(new Party(m.OrganisationCreditCode, m.Organisation), Issuers(demand), parties)))];
    }

    /// <summary>Assigns an expert: 201, or 409 <c>expert-conflict</c> with every conflict as <c>findings</c>.</summary>
    [HttpPost]
    public async Task<ActionResult<PanelMemberResponse>> Assign(string demandId, [FromBody] PanelMemberRequest request, CancellationToken ct)
    {
        var demand = await DemandAsync(demandId, ct);
        var member = Validate(demand.Id, request);
        var conflicts = await ConflictsAsync(demand, member, ct);
        if (conflicts.Count > 0)
        {
            var first = conflicts[0];
            throw new ApiProblemException(StatusCodes.Status409Conflict, "expert-conflict",
                $"专家“{member.Name}”所在单位“{member.Organisation}”是{Role(first)}，存在利益冲突，不能评审需求“{demand.Id}”。",
                $"Expert '{member.Name}' works for '{member.Organisation}', {RoleEn(first)}: a conflict of interest; they cannot review demand '{demand.Id}'.")
            { Findings = [.. conflicts] };
        }

        if (!await review.AssignAsync(member, actors.Require(User), ct))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "expert-already-assigned",
                $"专家“{member.ExpertId}”已在需求“{demand.Id}”的评审组中。", $"Expert '{member.ExpertId}' is already on the panel of demand '{demand.Id}'.");
        }

        return Created($"/api/demands/{Uri.EscapeDataString(demand.Id)}/panel", PanelMemberResponse.From(member, []));
    }

    /// <summary>Says whether an expert could be assigned and why not, without assigning: 200 <c>{conflicts}</c>.</summary>
    [HttpPost("check")]
    public async Task<ConflictCheckResponse> Check(string demandId, [FromBody] PanelMemberRequest request, CancellationToken ct)
    {
        var demand = await DemandAsync(demandId, ct);
        var conflicts = await ConflictsAsync(demand, Validate(demand.Id, request), ct);
        return new ConflictCheckResponse(conflicts.Count == 0, conflicts);
    }

    [HttpDelete("{expertId}")]
    public async Task<IActionResult> Remove(string demandId, string expertId, CancellationToken ct)
    {
        var demand = await DemandAsync(demandId, ct);
        return await review.RemoveAsync(demand.Id, expertId, actors.Require(User), ct)
            ? NoContent()
            : throw ApiProblemException.NotFound("unknown-panel-member", $"需求“{demand.Id}”的评审组中没有专家“{expertId}”。",
                $"Expert '{expertId}' is not on the panel of demand '{demand.Id}'.");
    }

    private async Task<IReadOnlyList<Conflict>> ConflictsAsync(Demand demand, PanelMember member, CancellationToken ct) =>
        ConflictRules.For(new Party(member.OrganisationCreditCode, member.Organisation), Issuers(demand), await review.PartiesAsync([demand.Id], ct));

    public static DemandIssuers Issuers(Demand demand) =>
        new(demand.Id, new Party(demand.IssuerCreditCode, demand.Issuer), DemandRules.SplitCoIssuers(demand.CoIssuers));

    private async Task<Demand> DemandAsync(string demandId, CancellationToken ct) =>
        await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);

    private static PanelMember Validate(string demandId, PanelMemberRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.ExpertId) || string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Organisation))
        {
            throw ApiProblemException.BadRequest("panel-member-incomplete", "请填写专家编号（expertId）、姓名（name）、所在单位（organisation）与单位统一社会信用代码（organisationCreditCode）。",
                "Give the expert's expertId, name, organisation and organisationCreditCode.");
        }

        if (request.ExpertId.Trim().Length > 128)
        {
            throw ApiProblemException.BadRequest("panel-member-incomplete", "专家编号不能超过128个字符。", "The expertId is at most 128 characters.");
        }

        var code = UnifiedCreditCode.Parse(request.OrganisationCreditCode);
        if (!code.IsValid)
        {
            throw ApiProblemException.BadRequest("invalid-credit-code", $"专家所在单位的统一社会信用代码“{request.OrganisationCreditCode}”无效（须为18位且校验位正确）。",
                $"The expert's organisation credit code '{request.OrganisationCreditCode}' is not valid (18 characters with a matching check character).");
        }

        return new PanelMember(demandId, request.ExpertId.Trim(), request.Name.Trim(), request.Organisation.Trim(), code.Value,
            string.IsNullOrWhiteSpace(request.Field) ? null : request.Field.Trim());
    }

    private static string Role(Conflict c) => c.Kind switch
    {
        Domain.Review.Conflict.Issuer => "该需求的发榜企业",
        Domain.Review.Conflict.CoIssuer => "该需求的联合发榜企业",
        Domain.Review.Conflict.LeadApplicant => $"申报（受理号 {c.ReceiptNo}）的牵头申报单位",
        _ => $"申报（受理号 {c.ReceiptNo}）的联合申报单位",
    };

    private static string RoleEn(Conflict c) => c.Kind switch
    {
        Domain.Review.Conflict.Issuer => "the demand's issuer",
        Domain.Review.Conflict.CoIssuer => "a joint issuer of the demand",
        Domain.Review.Conflict.LeadApplicant => $"the lead applicant of application {c.ReceiptNo}",
        _ => $"a co-applicant of application {c.ReceiptNo}",
    };
}

/// <summary>The body of <c>POST /api/demands/{demandId}/panel</c> (and <c>/check</c>).</summary>
public sealed record PanelMemberRequest(string? ExpertId, string? Name, string? Organisation, string? OrganisationCreditCode, string? Field);

public sealed record PanelMemberResponse(string DemandId, string ExpertId, string Name, string Organisation, string OrganisationCreditCode, string? Field,
    IReadOnlyList<Conflict> Conflicts)
{
    public static PanelMemberResponse From(PanelMember m, IReadOnlyList<Conflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.DemandId, m.ExpertId, m.Name, m.Organisation, m.OrganisationCreditCode, m.Field, conflicts);
    }
}

public sealed record ConflictCheckResponse(bool Assignable, IReadOnlyList<Conflict> Conflicts);
