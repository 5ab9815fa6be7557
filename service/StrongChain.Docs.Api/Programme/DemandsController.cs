using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

[ApiController]
[Route("api/demands")]
public sealed class DemandsController(IProgrammeCatalogue catalogue) : ControllerBase
{
    [HttpGet]
    public IReadOnlyList<Demand> List([FromQuery] string? roundId, [FromQuery] string? status) => catalogue.Demands(roundId, status);

    [HttpGet("{demandId}")]
    public Demand Get(string demandId) => catalogue.FindDemand(demandId)
        ?? throw ApiProblemException.NotFound("unknown-demand", $"需求编号“{demandId}”不存在。", $"There is no demand '{demandId}'.");
}
