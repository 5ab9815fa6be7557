using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Review;
using StrongChain.Docs.Documents.Templates;

namespace StrongChain.Docs.Api.Templates;

[ApiController]
[AllowAnonymous]
[Route("api/templates")]
public sealed class TemplatesController(IProgrammeCatalogue catalogue, InvitationGuard invitations, ActorClaims actors) : ControllerBase
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The task application form (揭榜任务申报书) of one published demand, its facts pre-filled and locked.</summary>
    [HttpGet("application")]
    [Produces(DocxContentType)]
    public async Task<IActionResult> Application([FromQuery, Required] string demandId, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct)
            ?? throw ApiProblemException.UnknownDemand(demandId);
        var round = await catalogue.FindRoundAsync(demand.RoundId, ct)
            ?? throw new InvalidOperationException($"Demand {demand.Id} names a round that is not loaded.");
        if (demand.ReviewStatus != Domain.Programme.Demand.Approved)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "demand-not-published",
                $"需求“{demand.Id}”尚未通过专家论证，不能申报。", $"Demand '{demand.Id}' has not passed expert review and takes no applications.");
        }

        // An invitation-only demand hands its form to invited organisations (and staff) only: the caller must be signed in as one.
        await invitations.EnsureAdmittedAsync(demand, actors.From(User), null, callerRequired: true, ct);
        return File(ApplicationFormTemplate.Build(round, demand), DocxContentType, $"揭榜任务申报书-{demand.Id}.docx");
    }
}
