using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Storage.Consortia;

namespace StrongChain.Docs.Api.Consortia;

/// <summary>
/// The consortium register (创新联合体): staff mark an agreement signed by every party by uploading the countersigned file,
/// which forms the consortium; staff read the register, each party its own consortia. Round targets are staff settings.
/// </summary>
[ApiController]
public sealed class ConsortiaController(IConsortiumStore store, ActorClaims actors) : ControllerBase
{
    /// <summary>Marks the agreement (latest version unless <c>version</c>) signed by all parties: 201 with the consortium formed.</summary>
    [HttpPost("api/agreements/{id}/countersigned")]
    [Authorize(Policies.Staff)]
    [Consumes("multipart/form-data", "application/pdf", Templates.TemplatesController.DocxContentType, "application/octet-stream")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    public async Task<ActionResult<Consortium>> Countersigned(string id, [FromQuery] int? version, [FromServices] UploadReader uploads,
        [FromServices] ConsortiumFormer former, CancellationToken ct)
    {
        var file = await uploads.ReadAsync(Request, ct);
        var consortium = await former.FormAsync(id, version, file, actors.Require(User), ct);
        return Created($"/api/consortia/{consortium.Id}", consortium);
    }

    /// <summary>The register of a round (or all rounds): staff see every consortium, an organisation those it is a party of.</summary>
    [HttpGet("api/consortia")]
    [Authorize(Policies.SignedIn)]
    public Task<IReadOnlyList<Consortium>> Register([FromQuery] string? roundId, CancellationToken ct) =>
        store.ListAsync(roundId, Organisation(), ct);

    [HttpGet("api/consortia/{id}")]
    [Authorize(Policies.SignedIn)]
    public async Task<Consortium> One(string id, CancellationToken ct) =>
        await store.FindAsync(id, Organisation(), ct) ?? throw Unknown(id);

    /// <summary>The countersigned agreement exactly as uploaded (its SHA-256 in the <c>X-Content-SHA256</c> header).</summary>
    [HttpGet("api/consortia/{id}/agreement")]
    [Authorize(Policies.SignedIn)]
    public async Task<IActionResult> SignedAgreement(string id, CancellationToken ct)
    {
        var (copy, bytes) = await store.SignedFileAsync(id, Organisation(), ct) ?? throw Unknown(id);
        Response.Headers["X-Content-SHA256"] = copy.Sha256;
        return File(bytes, copy.ContentType, copy.FileName);
    }

    /// <summary>A round's consortium target and support budget (the defaults until staff set them).</summary>
    [HttpGet("api/rounds/{roundId}/targets")]
    [Authorize(Policies.Staff)]
    public async Task<RoundTargets> Targets(string roundId, [FromServices] IProgrammeCatalogue catalogue, CancellationToken ct)
    {
        _ = await catalogue.FindRoundAsync(roundId, ct) ?? throw ApiProblemException.UnknownRound(roundId);
        return await store.TargetsAsync(roundId, ct);
    }

    [HttpPut("api/rounds/{roundId}/targets")]
    [Authorize(Policies.Staff)]
    public async Task<RoundTargets> SetTargets(string roundId, [FromBody] RoundTargetsRequest? request, [FromServices] IProgrammeCatalogue catalogue, CancellationToken ct)
    {
        _ = await catalogue.FindRoundAsync(roundId, ct) ?? throw ApiProblemException.UnknownRound(roundId);
        if (request?.ConsortiumTarget is not (> 0 and <= 10_000) || request.SupportBudget is < 0)
        {
            throw ApiProblemException.BadRequest("invalid-targets", "联合体目标数须为 1–10000 的整数，支持资金预算（万元）不能为负。",
                "The consortium target must be a whole number from 1 to 10000 and the support budget (万元) must not be negative.");
        }

        return await store.SetTargetsAsync(new RoundTargets(roundId, request.ConsortiumTarget.Value, request.SupportBudget), actors.Require(User), ct);
    }

    /// <summary>Null for staff (everything), else the caller's organisation.</summary>
    private string? Organisation()
    {
        var actor = actors.Require(User);
        return actor.IsStaff ? null : actor.CreditCode ?? "";
    }

    private static ApiProblemException Unknown(string id) =>
        ApiProblemException.NotFound("unknown-consortium", $"创新联合体“{id}”不存在。", $"There is no consortium '{id}'.");
}

/// <summary>The body of <c>PUT /api/rounds/{id}/targets</c>: the consortium target and the support budget in 万元 (null: none).</summary>
public sealed record RoundTargetsRequest(int? ConsortiumTarget, decimal? SupportBudget);
