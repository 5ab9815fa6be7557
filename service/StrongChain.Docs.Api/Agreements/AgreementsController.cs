using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Signing;
using StrongChain.Docs.Storage.Agreements;

namespace StrongChain.Docs.Api.Agreements;

/// <summary>
/// Cooperation agreements (合作研发协议): staff draft one for a complete, eligible application; staff and the lead applicant
/// read it as Word or as a PDF signed by the platform; anyone may verify a signed PDF.
/// </summary>
[ApiController]
[Route("api/agreements")]
public sealed class AgreementsController(IAgreementStore store, AgreementDrafter drafter, ActorClaims actors) : ControllerBase
{
    public const string PdfContentType = "application/pdf";

    /// <summary>Drafts the agreement of an application (version n+1 when one exists): 201, or 409 with the findings that stand in the way.</summary>
    [HttpPost]
    [Authorize(Policies.Staff)]
    public async Task<ActionResult<AgreementVersionInfo>> Create([FromBody] CreateAgreementRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.ApplicationId))
        {
            throw ApiProblemException.BadRequest("application-required", "请指定申报（applicationId）。", "Name the application (applicationId).");
        }

        var info = await drafter.DraftAsync(request.ApplicationId, actors.Require(User), ct);
        return Created($"/api/agreements/{info.AgreementId}.docx?version={info.Version}", info);
    }

    /// <summary>The agreement register: the latest version of every agreement (of one round), staff all, an applicant its own.</summary>
    [HttpGet]
    [Authorize(Policies.SignedIn)]
    public Task<IReadOnlyList<AgreementVersionInfo>> Register([FromQuery] string? roundId, CancellationToken ct)
    {
        var actor = actors.Require(User);
        return store.RegisterAsync(roundId, actor.IsStaff ? null : actor.CreditCode, ct);
    }

    /// <summary>The editable Word draft of a version (the latest by default).</summary>
    [HttpGet("{id}.docx")]
    [Authorize(Policies.SignedIn)]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> Docx(string id, [FromQuery] int? version, CancellationToken ct)
    {
        var files = await FindAsync(id, version, ct);
        return File(files.Docx, TemplatesController.DocxContentType, $"{id}-v{files.Info.Version}.docx");
    }

    /// <summary>The version's PDF signed by the platform (PAdES); 503 <c>pdf-renderer-unavailable</c> without LibreOffice.</summary>
    [HttpGet("{id}.pdf")]
    [Authorize(Policies.SignedIn)]
    [Produces(PdfContentType)]
    public async Task<IActionResult> Pdf(string id, [FromQuery] int? version, CancellationToken ct)
    {
        var (info, pdf) = await drafter.SignedPdfAsync(await FindAsync(id, version, ct), actors.Require(User), ct);
        return File(pdf, PdfContentType, $"{id}-v{info.Version}.pdf");
    }

    /// <summary>Checks a PDF's signature: valid, altered, not signed, signed by another certificate — each its own <c>reason</c>.</summary>
    [HttpPost("verify")]
    [AllowAnonymous]
    [Consumes("multipart/form-data", PdfContentType, "application/octet-stream")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    public async Task<VerifyResponse> Verify([FromServices] UploadReader uploads, [FromServices] IPdfSignatureVerifier verifier, CancellationToken ct)
    {
        var bytes = await uploads.ReadAsync(Request, ct);
        // Readers accept the header anywhere in the first kilobyte, as the PDF specification's implementation notes allow.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "not-a-pdf",
                "文件不是 PDF，请上传平台签发的合作研发协议 PDF。", "The file is not a PDF; upload the agreement PDF the platform signed.");
        }

        var result = verifier.Verify(bytes);
        var registered = result is { AgreementId: { } agreementId, DocxSha256: { } sha } && await store.IsRegisteredAsync(agreementId, sha, ct);
        return VerifyResponse.From(result, registered);
    }

    private async Task<AgreementFiles> FindAsync(string id, int? version, CancellationToken ct)
    {
        var actor = actors.Require(User);
        return await store.FilesAsync(id, version, actor.IsStaff ? null : actor.CreditCode, ct)
            ?? throw ApiProblemException.NotFound("unknown-agreement", $"协议“{id}”不存在。", $"There is no agreement '{id}'.");
    }
}

/// <summary>The body of <c>POST /api/agreements</c>.</summary>
public sealed record CreateAgreementRequest(string? ApplicationId);

/// <summary>The answer of <c>POST /api/agreements/verify</c> (api.md), with the outcome as a stable <c>reason</c> code and a message.</summary>
public sealed record VerifyResponse(
    bool Valid,
    string Reason,
    string Message,
    string MessageEn,
    string? Signer,
    DateTimeOffset? SignedAt,
    string? AgreementId,
    string? DocxSha256,
    bool Registered,
    bool Timestamped,
    string? SubFilter)
{
    public static VerifyResponse From(SignatureVerification v, bool registered)
    {
        ArgumentNullException.ThrowIfNull(v);
        var (reason, zh, en) = v.Outcome switch
        {
            SignatureOutcome.Valid => ("signed-by-platform", "签名有效：本文件由平台签发，签名后未被修改。", "Valid: signed by the platform and unchanged since."),
            SignatureOutcome.Altered => ("altered", "签名无效：文件在签名后被修改过。", "Invalid: the file was changed after it was signed."),
            SignatureOutcome.NotSigned => ("not-signed", "文件没有数字签名。", "The file carries no digital signature."),
            SignatureOutcome.OtherSigner => ("other-signer", "文件的签名不是平台证书所签。", "The file is signed, but not with the platform's certificate."),
            _ => ("malformed", "文件的签名数据无法读取。", "The file's signature cannot be read."),
        };
        return new VerifyResponse(v.Valid, reason, zh, en, v.Signer, v.SignedAt, v.AgreementId, v.DocxSha256, registered && v.Valid, v.Timestamped, v.SubFilter);
    }
}
