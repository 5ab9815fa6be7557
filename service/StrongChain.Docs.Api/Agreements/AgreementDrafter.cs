using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Documents.Agreements;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Agreements;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Signing;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Agreements;
using StrongChain.Docs.Storage.Applications;

namespace StrongChain.Docs.Api.Agreements;

/// <summary>Stored application → agreement content → .docx (stored as a version) → PDF → signed PDF (stored once made).</summary>
public sealed class AgreementDrafter(
    IApplicationStore applications,
    IProgrammeCatalogue catalogue,
    IAgreementStore agreements,
    PdfRenderer renderer,
    IPdfSigner signer,
    TimeProvider time)
{
    public const string IdPrefix = "XY-";

    public async Task<AgreementVersionInfo> DraftAsync(string applicationId, Actor actor, CancellationToken ct)
    {
        var application = await applications.FindAsync(applicationId, null, ct)
            ?? throw ApiProblemException.NotFound("unknown-application", $"申报“{applicationId}”不存在。", $"There is no application '{applicationId}'.");
        var summary = application.Summary;
        if (!summary.Complete || !summary.Eligible)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "application-not-eligible",
                "该申报尚不完整或不符合揭榜条件，不能生成合作研发协议；请先处理所列问题。",
                "The application is incomplete or not eligible, so no agreement can be drafted; resolve the findings listed first.")
            { Findings = [.. JsonSerializer.Deserialize<List<Finding>>(application.FindingsJson, StorageJson.Options)!.Where(f => f.Severity == Severity.Error)] };
        }

        var record = JsonSerializer.Deserialize<ApplicationRecord>(application.RecordJson, StorageJson.Options)!;
        var demand = await catalogue.FindDemandAsync(summary.DemandId, ct)
            ?? throw new InvalidOperationException($"Application {applicationId} names demand {summary.DemandId}, which is not stored.");
        var round = await catalogue.FindRoundAsync(summary.RoundId, ct)
            ?? throw new InvalidOperationException($"Demand {demand.Id} names round {summary.RoundId}, which is not stored.");

        // Two staff pressing at once may both take the same next version; the key refuses the second, which then tries again.
        for (var attempt = 0; ; attempt++)
        {
            var id = await agreements.IdForApplicationAsync(applicationId, ct) ?? IdPrefix + summary.ReceiptNo;
            // Only the number: the latest version's bytes are not needed to draft the next one.
            var request = new AgreementRequest(id, await agreements.LatestVersionAsync(id, ct) + 1, summary.ReceiptNo, round.LocalDate(time.GetUtcNow()));
            var content = AgreementComposer.Compose(record, demand, round, request);
            var docx = AgreementDocument.Build(content);
            try
            {
                return await agreements.AddVersionAsync(new NewAgreementVersion(id, applicationId, summary.LatestVersion, summary.RoundId, summary.DemandId,
                    summary.CreditCode, summary.OrganisationName, content.Parties.Count, docx, actor), ct);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
            }
        }
    }

    /// <summary>The signed PDF of a version: made (rendered, then signed) on first request and kept, so later downloads are identical.</summary>
    public async Task<(AgreementVersionInfo Info, byte[] Pdf)> SignedPdfAsync(AgreementFiles files, Actor actor, CancellationToken ct)
    {
        if (files.SignedPdf is { } kept)
        {
            return (files.Info, kept);
        }

        var pdf = await renderer.RenderAsync(files.Docx, ct);
        var signed = await signer.SignAsync(pdf, new SignatureStamp(files.Info.AgreementId, files.Info.DocxSha256, time.GetUtcNow()), ct);
        return (files.Info, await agreements.KeepSignedPdfAsync(files.Info.AgreementId, files.Info.Version, signed, actor, ct));
    }
}
