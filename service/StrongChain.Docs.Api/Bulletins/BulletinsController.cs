using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Bulletins;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.Bulletins;

/// <summary>
/// The official bulletin (榜单) of a round: staff generate it (a stored snapshot); anyone may read it, as Word or PDF,
/// since a bulletin exists to be published.
/// </summary>
[ApiController]
[Route("api/bulletins")]
public sealed class BulletinsController(IBulletinStore store) : ControllerBase
{
    public const string PdfContentType = "application/pdf";

    /// <summary>Generates the bulletin of a round from its approved demands: 201 with its id and counts.</summary>
    [HttpPost]
    [Authorize(Policies.Staff)]
    public async Task<ActionResult<BulletinCreated>> Create(
        [FromBody] CreateBulletinRequest request, [FromServices] IDemandStore demands, [FromServices] ActorClaims actors,
        [FromServices] Storage.Review.IReviewStore review, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.RoundId))
        {
            throw ApiProblemException.BadRequest("round-required", "请指定批次（roundId）。", "Name the round (roundId).");
        }

        var round = await demands.FindRoundAsync(request.RoundId, ct)
            ?? throw ApiProblemException.UnknownRound(request.RoundId);
        var approved = await demands.DemandsAsync(round.Id, Demand.Approved, ct);
        if (approved.Count == 0)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "no-approved-demands",
                $"批次“{round.Id}”还没有通过专家论证的技术需求，无法生成榜单。",
                $"Round '{round.Id}' has no demand that passed expert review yet: there is nothing to publish.");
        }

        var invitationOnly = (await review.InvitationsAsync([.. approved.Select(d => d.Id)], ct)).Keys.ToHashSet(StringComparer.Ordinal);
        var content = BulletinContent.Compose(round, approved, invitationOnly);
        var docx = BulletinDocument.Build(content);
        var info = await store.AddAsync(new NewBulletin(round.Id, content.DocumentNumber, content.DemandCount, content.Sectors, docx, actors.Require(User)), ct);
        return Created($"/api/bulletins/{info.Id}.docx", BulletinCreated.From(info));
    }

    /// <summary>The bulletin's .docx exactly as generated.</summary>
    [HttpGet("{id}.docx")]
    [AllowAnonymous]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> Docx(string id, CancellationToken ct)
    {
        var document = await Find(id, ct);
        return File(document.Bytes, TemplatesController.DocxContentType, $"bulletin-{document.RoundId}.docx");
    }

    /// <summary>The bulletin's PDF (LibreOffice, cached by the .docx's hash); 503 <c>pdf-renderer-unavailable</c> without LibreOffice.</summary>
    [HttpGet("{id}.pdf")]
    [AllowAnonymous]
    [Produces(PdfContentType)]
    public async Task<IActionResult> Pdf(string id, [FromServices] PdfRenderer renderer, CancellationToken ct)
    {
        var document = await Find(id, ct);
        var pdf = await renderer.RenderAsync(document.Bytes, ct);
        return File(pdf, PdfContentType, $"bulletin-{document.RoundId}.pdf");
    }

    private async Task<BulletinDocumentBytes> Find(string id, CancellationToken ct) => await store.DocumentAsync(id, ct)
        ?? throw ApiProblemException.NotFound("unknown-bulletin", $"榜单“{id}”不存在。", $"There is no bulletin '{id}'.");
}

/// <summary>The body of <c>POST /api/bulletins</c>.</summary>
public sealed record CreateBulletinRequest(string? RoundId);

/// <summary>The answer to a generated bulletin (api.md): id, how many demands, and how many per sector.</summary>
public sealed record BulletinCreated(string Id, string RoundId, string DocumentNumber, int DemandCount, IReadOnlyList<SectorCount> Sectors, string Sha256, DateTimeOffset CreatedAt)
{
    public static BulletinCreated From(BulletinInfo info) =>
        new(info.Id, info.RoundId, info.DocumentNumber, info.DemandCount, info.Sectors, info.Sha256, info.CreatedAt);
}
