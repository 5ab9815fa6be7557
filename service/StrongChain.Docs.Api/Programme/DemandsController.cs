using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>The published demands: anyone may read them; only staff change them (the import, or one review conclusion here).</summary>
[ApiController]
[Route("api/demands")]
public sealed class DemandsController(IProgrammeCatalogue catalogue) : ControllerBase
{
    [HttpGet]
    [AllowAnonymous]
    public Task<IReadOnlyList<Demand>> List([FromQuery] string? roundId, [FromQuery] string? status, CancellationToken ct) =>
        catalogue.DemandsAsync(roundId, status, ct);

    [HttpGet("{demandId}")]
    [AllowAnonymous]
    public async Task<Demand> Get(string demandId, CancellationToken ct) => await catalogue.FindDemandAsync(demandId, ct)
        ?? throw ApiProblemException.UnknownDemand(demandId);

    /// <summary>Records the expert review's conclusion (专家论证结论) of one demand; audited.</summary>
    [HttpPatch("{demandId}")]
    [Authorize(Policies.Staff)]
    public async Task<Demand> SetReviewStatus(string demandId, [FromBody] ReviewStatusChange change, [FromServices] IDemandStore store, [FromServices] ActorClaims actors, [FromServices] DemandLookupCache lookups, CancellationToken ct)
    {
        if (change.ReviewStatus is not { } status || !DemandColumns.ReviewStatuses.Contains(status, StringComparer.Ordinal))
        {
            throw ApiProblemException.BadRequest(DemandFindingCodes.NotInList,
                $"专家论证结论须为：{string.Join("、", DemandColumns.ReviewStatuses)}。",
                $"The review status must be one of: {string.Join(", ", DemandColumns.ReviewStatuses)}.");
        }

        var changed = await store.SetReviewStatusAsync(demandId, status, actors.Require(User), ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        lookups.Clear();
        return changed;
    }
}

/// <summary>The body of <c>PATCH /api/demands/{id}</c>: <c>{"reviewStatus":"通过"}</c>.</summary>
public sealed record ReviewStatusChange(string? ReviewStatus);
