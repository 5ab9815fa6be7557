using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Reports;
using StrongChain.Docs.Storage.Reports;

namespace StrongChain.Docs.Api.Reports;

/// <summary>
/// Progress reports of a consortium's milestones (docs/consortia.md): the form for one milestone, the upload (each a new
/// version with a receipt), a check without storing, the versions, and each version's file exactly as uploaded.
/// </summary>
[ApiController]
[Route("api/consortia/{id}/milestones/{number:int}")]
public sealed class ProgressReportsController(ProgressReportSubmitter submitter, IProgressReportStore store, ActorClaims actors) : ControllerBase
{
    /// <summary>The .docx report form for the milestone: facts pre-filled and locked, fields for the lead unit.</summary>
    [HttpGet("report-form")]
    [Authorize(Policies.SignedIn)]
    public async Task<IActionResult> Form(string id, int number, CancellationToken ct)
    {
        var (consortium, milestone) = await submitter.FindAsync(id, number, actors.Require(User), ct);
        return File(ProgressReportFormTemplate.Build(consortium, milestone), TemplatesController.DocxContentType,
            $"{ProgressReportForm.Title}-{consortium.Id}-M{number}.docx");
    }

    /// <summary>Uploads a filled report: 201 with the receipt; 422 with the findings when it has errors (nothing stored).</summary>
    [HttpPost("reports")]
    [Authorize(Policies.SignedIn)]
    [Consumes("multipart/form-data", TemplatesController.DocxContentType, "application/octet-stream")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    public async Task<ActionResult<ProgressReportSubmitted>> Submit(string id, int number, [FromServices] UploadReader uploads, CancellationToken ct)
    {
        var bytes = await uploads.ReadAsync(Request, ct);
        var submitted = await submitter.SubmitAsync(id, number, bytes, actors.Require(User), ct);
        return Created($"/api/consortia/{id}/milestones/{number}/reports/{submitted.Receipt.Version}.docx", submitted);
    }

    /// <summary>Reads and checks a filled report without storing it (200 with the record and every finding).</summary>
    [HttpPost("reports/check")]
    [Authorize(Policies.SignedIn)]
    [Consumes("multipart/form-data", TemplatesController.DocxContentType, "application/octet-stream")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    public async Task<ProgressReportCheck> Check(string id, int number, [FromServices] UploadReader uploads, CancellationToken ct)
    {
        var bytes = await uploads.ReadAsync(Request, ct);
        var (consortium, _) = await submitter.FindAsync(id, number, actors.Require(User), ct);
        return await submitter.CheckAsync(consortium, number, bytes, ct);
    }

    /// <summary>Every version of the milestone's report (latest last) with the latest record and findings; 404 before the first.</summary>
    [HttpGet("reports")]
    [Authorize(Policies.SignedIn)]
    public async Task<ProgressReportHistory> History(string id, int number, CancellationToken ct)
    {
        _ = await submitter.FindAsync(id, number, actors.Require(User), ct);
        return await store.HistoryAsync(id, number, ct) ?? throw NoReport(id, number, null);
    }

    /// <summary>One version exactly as uploaded (its SHA-256 in <c>X-Content-SHA256</c>).</summary>
    [HttpGet("reports/{version:int}.docx")]
    [Authorize(Policies.SignedIn)]
    public async Task<IActionResult> Version(string id, int number, int version, CancellationToken ct)
    {
        _ = await submitter.FindAsync(id, number, actors.Require(User), ct);
        var file = await store.FileAsync(ProgressReportStore.ReportId(id, number), version, ct) ?? throw NoReport(id, number, version);

        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return File(file.Bytes, TemplatesController.DocxContentType, $"{file.ReceiptNo}-v{version}.docx");
    }

    private static ApiProblemException NoReport(string id, int number, int? version) =>
        ApiProblemException.NotFound("no-report",
            version is null ? $"创新联合体“{id}”第 {number} 个里程碑尚无进展报告。" : $"创新联合体“{id}”第 {number} 个里程碑的进展报告没有第 {version} 版。",
            version is null ? $"Milestone {number} of consortium '{id}' has no progress report yet." : $"Milestone {number} of consortium '{id}' has no report version {version}.");
}
