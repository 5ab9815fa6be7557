using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

[ApiController]
[AllowAnonymous]
[Route("api/demands")]
public sealed class DemandsController(IProgrammeCatalogue catalogue) : ControllerBase
{
    [HttpGet]
    public Task<IReadOnlyList<Demand>> List([FromQuery] string? roundId, [FromQuery] string? status, CancellationToken ct) =>
        catalogue.DemandsAsync(roundId, status, ct);

    [HttpGet("{demandId}")]
    public async Task<Demand> Get(string demandId, CancellationToken ct) => await catalogue.FindDemandAsync(demandId, ct)
        ?? throw ApiProblemException.NotFound("unknown-demand", $"需求编号“{demandId}”不存在。", $"There is no demand '{demandId}'.");
}
