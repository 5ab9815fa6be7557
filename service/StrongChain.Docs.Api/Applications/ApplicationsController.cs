using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Review;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.Export;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Applications;

[ApiController]
[Route("api/applications")]
public sealed class ApplicationsController(UploadReader uploads, ActorClaims actors) : ControllerBase
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Checks a filled form: 200 with record and findings even when the form has errors. Stores nothing, so anyone may try it.</summary>
    [HttpPost("check")]
    [AllowAnonymous]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", TemplatesController.DocxContentType, "application/octet-stream")]
    public async Task<ActionResult<CheckResponse>> Check([FromServices] ApplicationChecker checker, CancellationToken cancellationToken)
    {
        var bytes = await uploads.ReadAsync(Request, cancellationToken);
        return CheckResponse.From(await checker.CheckAsync(bytes, cancellationToken));
    }

    /// <summary>Submits a form: 201 with the receipt once the bytes are stored.</summary>
    [HttpPost]
    [Authorize(Policies.Applicant)]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", TemplatesController.DocxContentType, "application/octet-stream")]
    public async Task<ActionResult<SubmitResponse>> Submit([FromServices] ApplicationSubmitter submitter, CancellationToken cancellationToken)
    {
        var bytes = await uploads.ReadAsync(Request, cancellationToken);
        var receipt = await submitter.SubmitAsync(bytes, actors.Require(User), cancellationToken);
        return Created($"/api/applications/{receipt.Id}", SubmitResponse.From(receipt));
    }

    /// <summary>Checks a record filled in the browser: the same answer as the check of the .docx made from it. Stores nothing.</summary>
    [HttpPost("check-record")]
    [AllowAnonymous]
    [Consumes("application/json")]
    [RequestSizeLimit(RecordForms.MaxRecordBytes)]
    public async Task<ActionResult<CheckResponse>> CheckRecord(
        [FromServices] RecordForms forms, [FromServices] ApplicationChecker checker,
        [FromQuery] string? demandId, CancellationToken cancellationToken)
    {
        var (_, docx) = await forms.BuildAsync(demandId, Request, cancellationToken);
        return CheckResponse.From(await checker.CheckAsync(docx, cancellationToken));
    }

    /// <summary>The filled .docx made from a record (to keep, print or finish in Word). Stores nothing.</summary>
    [HttpPost("from-record")]
    [AllowAnonymous]
    [Consumes("application/json")]
    [RequestSizeLimit(RecordForms.MaxRecordBytes)]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> FromRecord(
        [FromServices] RecordForms forms, [FromQuery] string? demandId, CancellationToken cancellationToken)
    {
        var (demand, docx) = await forms.BuildAsync(demandId, Request, cancellationToken);
        if (demand.ReviewStatus != Domain.Programme.Demand.Approved)
        {
            // As the template download: a demand that has not passed review hands out no form.
            throw new ApiProblemException(StatusCodes.Status409Conflict, "demand-not-published",
                $"需求“{demand.Id}”尚未通过专家论证，不能申报。", $"Demand '{demand.Id}' has not passed expert review and takes no applications.");
        }

        return File(docx, TemplatesController.DocxContentType, $"揭榜任务申报书-{demand.Id}.docx");
    }

    /// <summary>Submits a record filled in the browser: as <c>POST /api/applications</c>, storing the .docx made from it.</summary>
    [HttpPost("record")]
    [Authorize(Policies.Applicant)]
    [Consumes("application/json")]
    [RequestSizeLimit(RecordForms.MaxRecordBytes)]
    public async Task<ActionResult<SubmitResponse>> SubmitRecord(
        [FromServices] RecordForms forms, [FromServices] ApplicationSubmitter submitter,
        [FromQuery] string? demandId, CancellationToken cancellationToken)
    {
        var (_, docx) = await forms.BuildAsync(demandId, Request, cancellationToken);
        var receipt = await submitter.SubmitAsync(docx, actors.Require(User), cancellationToken);
        return Created($"/api/applications/{receipt.Id}", SubmitResponse.From(receipt));
    }

    /// <summary>
    /// Records the review's decision (selected / not-selected) with its decision letter's facts, and queues the decision mail
    /// with the letter attached to the applicant, in one transaction. Staff only.
    /// </summary>
    [HttpPost("{id:guid}/decision")]
    [Authorize(Policies.Staff)]
    public async Task<ActionResult<ApplicationListItem>> Decide(string id, [FromBody] DecisionRequest request, [FromServices] IApplicationStore store,
        [FromServices] DecisionLetters letters, CancellationToken ct)
    {
        if (request?.Decision is not { } decision || !ApplicationDecisions.All.Contains(decision, StringComparer.Ordinal))
        {
            throw ApiProblemException.BadRequest("not-a-decision",
                $"评审结论须为：{string.Join("、", ApplicationDecisions.All)}。", $"The decision must be one of: {string.Join(", ", ApplicationDecisions.All)}.");
        }

        var application = await store.FindAsync(id, null, ct) ?? throw NotFound(id);
        var facts = await letters.FactsAsync(application.Summary, decision, ct);
        // Built once here so a letter that cannot be generated stops the decision before anything is stored.
        _ = DecisionLetters.Build(facts);
        switch (await store.DecideAsync(id, decision, actors.Require(User), facts, ct))
        {
            case DecisionOutcome.UnknownApplication:
                throw NotFound(id);
            case DecisionOutcome.VersionChanged:
                throw new ApiProblemException(StatusCodes.Status409Conflict, "application-changed", "该申报刚刚提交了新版本，请查看新版本后重新作出评审结论。",
                    "A new version of the application came in meanwhile: review it and decide again.");
        }

        var detail = await store.FindAsync(id, null, ct) ?? throw NotFound(id);
        return ApplicationListItem.From(detail.Summary);
    }

    /// <summary>
    /// The decision letter (.docx) of the application's current decision, as mailed: staff, and the applicant itself; others
    /// 403 (policy) or 404 (scope); 404 <c>no-decision-letter</c> while there is no decision. An audited read.
    /// </summary>
    [HttpGet("{id:guid}/decision-letter.docx")]
    [Authorize(Policies.SignedIn)]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> DecisionLetter([FromServices] IApplicationStore store, [FromServices] ApplicationAccess access,
        [FromServices] IReviewStore review, string id, CancellationToken ct)
    {
        var actor = actors.Require(User);
        var scope = await access.ScopeAsync(actor, ct);
        if (await store.FindAsync(id, scope.StoreFilter, ct) is not { } detail || !scope.Allows(detail.Summary))
        {
            throw NotFound(id);
        }

        if (!ApplicationDecisions.All.Contains(detail.Summary.Status, StringComparer.Ordinal) || await store.DecisionLetterAsync(id, null, ct) is not { } facts)
        {
            throw ApiProblemException.NotFound("no-decision-letter", $"申报“{id}”目前没有评审结果通知书。", $"Application '{id}' has no decision letter at present.");
        }

        await review.RecordReadsAsync(actor, "application.decision-letter", [id], new { version = facts.Version, decision = facts.Decision }, ct);
        return File(DecisionLetters.Build(facts), TemplatesController.DocxContentType, DecisionLetterContent.FileName(facts.ReceiptNo));
    }

    /// <summary>Applications by demand or round, within the caller's scope (<see cref="ApplicationAccess"/>); each listed application is an audited read.</summary>
    [HttpGet]
    [Authorize(Policies.ApplicationReader)]
    public async Task<IReadOnlyList<ApplicationListItem>> List([FromServices] IApplicationStore store, [FromServices] ApplicationAccess access,
        [FromServices] IReviewStore review, [FromQuery] string? demandId, [FromQuery] string? roundId, CancellationToken ct)
    {
        var actor = actors.Require(User);
        var scope = await access.ScopeAsync(actor, ct);
        var rows = (await store.ListAsync(demandId, roundId, scope.StoreFilter, ct)).Where(scope.Allows).ToList();
        await review.RecordReadsAsync(actor, "application.list", [.. rows.Select(r => r.Id)], new { demandId, roundId }, ct);
        return [.. rows.Select(ApplicationListItem.From)];
    }

    /// <summary>One application with its versions; outside the caller's scope it reads as 404. Audited.</summary>
    [HttpGet("{id:guid}")]
    [Authorize(Policies.ApplicationReader)]
    public async Task<ApplicationResponse> Get([FromServices] IApplicationStore store, [FromServices] ApplicationAccess access,
        [FromServices] IReviewStore review, string id, CancellationToken ct)
    {
        var actor = actors.Require(User);
        var scope = await access.ScopeAsync(actor, ct);
        var detail = await store.FindAsync(id, scope.StoreFilter, ct) is { } found && scope.Allows(found.Summary) ? found : throw NotFound(id);
        await review.RecordReadsAsync(actor, "application.read", [id], new { version = detail.Summary.LatestVersion }, ct);
        return ApplicationResponse.From(detail);
    }

    /// <summary>The exact bytes of a version (the latest by default), within the caller's scope. Audited.</summary>
    [HttpGet("{id:guid}/document")]
    [Authorize(Policies.ApplicationReader)]
    [Produces(TemplatesController.DocxContentType)]
    public async Task<IActionResult> Document([FromServices] IApplicationStore store, [FromServices] ApplicationAccess access,
        [FromServices] IReviewStore review, string id, [FromQuery] int? version, CancellationToken ct)
    {
        var actor = actors.Require(User);
        var scope = await access.ScopeAsync(actor, ct);
        if (await store.FindAsync(id, scope.StoreFilter, ct) is not { } detail || !scope.Allows(detail.Summary))
        {
            throw NotFound(id);
        }

        var document = await store.DocumentAsync(id, version, scope.StoreFilter, ct)
            ?? throw ApiProblemException.NotFound("unknown-version", $"申报“{id}”没有第 {version} 版。", $"Application '{id}' has no version {version}.");
        await review.RecordReadsAsync(actor, "application.document", [id], new { version = document.Version }, ct);
        Response.Headers.ETag = $"\"{document.Sha256}\"";
        return File(document.Bytes, TemplatesController.DocxContentType, $"{document.ReceiptNo}-v{document.Version}.docx");
    }

    /// <summary>The review workbook: one row per latest application of the round (all rounds when omitted).</summary>
    [HttpGet("export")]
    [Authorize(Policies.Staff)]
    [Produces(XlsxContentType)]
    public async Task<IActionResult> Export([FromServices] IApplicationStore store, [FromServices] IProgrammeCatalogue catalogue, [FromQuery] string? roundId, CancellationToken ct)
    {
        if (roundId is not null && await catalogue.FindRoundAsync(roundId, ct) is null)
        {
            throw ApiProblemException.UnknownRound(roundId);
        }

        var titles = (await catalogue.DemandsAsync(roundId, null, ct)).ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        var rows = (await store.ForReviewAsync(roundId, ct)).Select(a => new ReviewRow(
            a.Summary.ReceiptNo, a.Summary.DemandId, titles.GetValueOrDefault(a.Summary.DemandId), a.Summary.OrganisationName, a.Summary.CreditCode,
            a.Record?.Applicant.OrgType, a.Record?.Applicant.Region, a.Record?.CoApplicants.Count ?? 0,
            a.Record?.Budget.Total, a.Record?.Budget.RequestedSupport, a.Summary.Complete, a.Summary.Eligible,
            a.Summary.ErrorCount, a.Summary.WarningCount, a.Summary.LatestVersion, ApplicationListItem.Beijing(a.Summary.SubmittedAt))).ToList();
        return File(ReviewWorkbook.Build(rows), XlsxContentType, $"申报汇总-{roundId ?? "全部"}.xlsx");
    }

    private static ApiProblemException NotFound(string id) =>
        ApiProblemException.NotFound("unknown-application", $"申报“{id}”不存在。", $"There is no application '{id}'.");
}

/// <summary>The body of <c>POST /api/applications/{id}/decision</c>: <c>{"decision":"selected"}</c> or <c>"not-selected"</c>.</summary>
public sealed record DecisionRequest(string? Decision);
