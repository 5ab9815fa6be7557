using System.Security.Cryptography;
using System.Text.Json;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Agreements;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Consortia;

namespace StrongChain.Docs.Api.Consortia;

/// <summary>
/// Countersigned agreement (PDF or .docx, kept byte for byte) → the application record the agreement version was drafted
/// from → <see cref="ConsortiumComposer"/> → the register, in one transaction with its audit entry.
/// </summary>
public sealed class ConsortiumFormer(
    IAgreementStore agreements,
    IApplicationStore applications,
    IProgrammeCatalogue catalogue,
    IConsortiumStore consortia,
    TimeProvider time)
{
    public async Task<Consortium> FormAsync(string agreementId, int? version, byte[] file, Actor actor, CancellationToken ct)
    {
        var (contentType, extension) = Kind(file);
        var files = await agreements.FilesAsync(agreementId, version, null, ct)
            ?? throw ApiProblemException.NotFound("unknown-agreement", $"协议“{agreementId}”（版本 {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "最新"}）不存在。",
                $"There is no agreement '{agreementId}' (version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"}).");
        if (await consortia.IdForAgreementAsync(agreementId, ct) is { } existing)
        {
            throw AlreadySigned(agreementId, existing);
        }

        var info = files.Info;
        var application = await applications.FindAsync(info.ApplicationId, null, ct)
            ?? throw new InvalidOperationException($"Agreement {agreementId} names application {info.ApplicationId}, which is not stored.");
        if (application.Summary.Status == ApplicationDecisions.NotSelected)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "application-not-selected",
                "该申报的评审结论为未入选，不能据此组建创新联合体。", "The application was not selected, so it cannot form a consortium.");
        }

        var record = await RecordOfVersionAsync(info, ct);
        var demand = await catalogue.FindDemandAsync(info.DemandId, ct)
            ?? throw new InvalidOperationException($"Agreement {agreementId} names demand {info.DemandId}, which is not stored.");
        var round = await catalogue.FindRoundAsync(info.RoundId, ct)
            ?? throw new InvalidOperationException($"Agreement {agreementId} names round {info.RoundId}, which is not stored.");
        // Microseconds are what PostgreSQL keeps: truncate so the answer equals a later read.
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var copy = new SignedCopy($"{agreementId}-v{info.Version}-countersigned.{extension}", contentType, file.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(file)), now, actor.Id);
        var consortium = ConsortiumComposer.Compose(record, demand, round,
            new ConsortiumRequest(agreementId, info.Version, info.ApplicationId, info.ApplicationVersion, copy));
        if (!await consortia.FormAsync(consortium, file, actor, ct))
        {
            throw AlreadySigned(agreementId, ConsortiumComposer.IdFor(agreementId));
        }

        return consortium;
    }

    /// <summary>A PDF (header within the first kilobyte, as readers accept) or a safe .docx; anything else is 415.</summary>
    private static (string ContentType, string Extension) Kind(byte[] file)
    {
        if (file.AsSpan(0, Math.Min(file.Length, 1024)).IndexOf("%PDF-"u8) >= 0)
        {
            return ("application/pdf", "pdf");
        }

        if (file.Length >= 2 && file[0] == (byte)'P' && file[1] == (byte)'K')
        {
            // The same guard as every Word upload: macros, encryption, zip bombs and DTDs are refused before anything is kept.
            OfficePackageGuard.EnsureSafe(file, PackageLimits.Default, PackageKind.Word);
            return (TemplatesController.DocxContentType, "docx");
        }

        throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "not-pdf-or-docx",
            "请上传各方签署后的协议 PDF 或 Word（.docx）文件。", "Upload the agreement signed by every party as a PDF or a Word (.docx) file.");
    }

    /// <summary>The record of the application version the agreement was drafted from (a later resubmission does not change a signed agreement).</summary>
    private async Task<ApplicationRecord> RecordOfVersionAsync(AgreementVersionInfo info, CancellationToken ct)
    {
        var json = await consortia.ApplicationRecordJsonAsync(info.ApplicationId, info.ApplicationVersion, ct)
            ?? throw new InvalidOperationException($"Application {info.ApplicationId} has no version {info.ApplicationVersion}.");
        return JsonSerializer.Deserialize<ApplicationRecord>(json, StorageJson.Options)!;
    }

    private static ApiProblemException AlreadySigned(string agreementId, string consortiumId) =>
        new(StatusCodes.Status409Conflict, "agreement-already-signed",
            $"协议“{agreementId}”已登记为各方签署，创新联合体“{consortiumId}”已组建。",
            $"Agreement '{agreementId}' is already registered as signed by every party; consortium '{consortiumId}' was formed.");
}
