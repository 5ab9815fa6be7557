using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Bulletins;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Documents.Review;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>
/// A demand's review packet (评审材料, issue 15) as .docx and PDF: every eligible application's latest version in receipt order.
/// Staff, and experts of the demand's panel (without applications of their own organisation); each application in it is an audited read.
/// </summary>
[ApiController]
[Authorize(Policies.Panel)]
public sealed class ReviewPacketsController(IApplicationStore applications, IReviewStore review, IProgrammeCatalogue catalogue,
    ApplicationAccess access, ActorClaims actors) : ControllerBase
{
    [HttpGet("api/demands/{demandId}/review-packet.docx")]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> Docx(string demandId, CancellationToken ct)
    {
        var (demandIdFound, docx) = await BuildAsync(demandId, "docx", ct);
        return File(docx, TemplatesController.DocxContentType, $"评审材料-{demandIdFound}.docx");
    }

    /// <summary>The same packet through the PDF renderer (cached by the .docx's hash); 503 <c>pdf-renderer-unavailable</c> without LibreOffice.</summary>
    [HttpGet("api/demands/{demandId}/review-packet.pdf")]
    [Produces(BulletinsController.PdfContentType)]
    public async Task<IActionResult> Pdf(string demandId, [FromServices] PdfRenderer renderer, CancellationToken ct)
    {
        var (demandIdFound, docx) = await BuildAsync(demandId, "pdf", ct);
        return File(await renderer.RenderAsync(docx, ct), BulletinsController.PdfContentType, $"评审材料-{demandIdFound}.pdf");
    }

    private async Task<(string DemandId, byte[] Docx)> BuildAsync(string demandId, string format, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        var round = await catalogue.FindRoundAsync(demand.RoundId, ct) ?? throw new InvalidOperationException($"Demand {demand.Id} names a round that is not loaded.");
        var actor = actors.Require(User);
        await access.EnsureOnPanelAsync(demand.Id, actor, ct);

        var scope = await access.ScopeAsync(actor, ct);
        var entries = new List<PacketEntry>();
        var ids = new List<string>();
        foreach (var summary in (await applications.ListAsync(demand.Id, null, null, ct)).Where(a => a.Eligible && scope.Allows(a)))
        {
            var detail = await applications.FindAsync(summary.Id, null, ct);
            if (detail is not null && JsonSerializer.Deserialize<ApplicationRecord>(detail.RecordJson, StorageJson.Options) is { } record)
            {
                entries.Add(new PacketEntry(summary.ReceiptNo, summary.LatestVersion, Applications.ApplicationListItem.Beijing(summary.SubmittedAt), record,
                    JsonSerializer.Deserialize<List<Finding>>(detail.FindingsJson, StorageJson.Options) ?? []));
                ids.Add(summary.Id);
            }
        }

        await review.RecordReadsAsync(actor, "application.packet", ids, new { demandId = demand.Id, format }, ct);
        return (demand.Id, ReviewPacketDocument.Build(ReviewPacketContent.Compose(demand, round, entries)));
    }
}
