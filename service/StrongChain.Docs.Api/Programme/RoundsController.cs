using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

[ApiController]
[AllowAnonymous]
[Route("api/rounds")]
public sealed class RoundsController(IProgrammeCatalogue catalogue) : ControllerBase
{
    [HttpGet]
    public async Task<IReadOnlyList<RoundResponse>> List(CancellationToken ct) => [.. (await catalogue.RoundsAsync(ct)).Select(RoundResponse.From)];

    [HttpGet("{roundId}")]
    public async Task<RoundResponse> Get(string roundId, CancellationToken ct) => RoundResponse.From(await catalogue.FindRoundAsync(roundId, ct)
        ?? throw ApiProblemException.UnknownRound(roundId));
}

/// <summary>A round as api.md shows it: times in ISO 8601 with the round's own offset.</summary>
public sealed record RoundResponse(
    string Id, string Name, DateTimeOffset Opens, DateTimeOffset Closes, string TimeZone,
    IReadOnlyList<string> Sectors, int MaxCoApplicants, int MaxProjectMonths, decimal SupportRatio)
{
    public static RoundResponse From(Round r) =>
        new(r.Id, r.Name, r.Opens, r.Closes, r.TimeZone, r.Sectors, r.MaxCoApplicants, r.MaxProjectMonths, r.SupportRatio);
}
