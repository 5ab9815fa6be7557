using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Review;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>
/// Scoring (issue 15): the round's criteria (staff), a panel's score workbook and its all-or-nothing upload (staff, or an expert
/// of that panel), and the aggregated results per demand and per round as JSON and .xlsx (staff).
/// </summary>
[ApiController]
public sealed class ScoringController(IScoreStore scores, IReviewStore review, IApplicationStore applications, IProgrammeCatalogue catalogue,
    ApplicationAccess access, ActorClaims actors) : ControllerBase
{
    [HttpGet("api/rounds/{roundId}/scoring/criteria")]
    [Authorize(Policies.Staff)]
    public async Task<IReadOnlyList<ScoringCriterion>> Criteria(string roundId, CancellationToken ct) =>
        await scores.CriteriaAsync((await RoundAsync(roundId, ct)).Id, ct);

    /// <summary>Sets the round's criteria: 400 <c>invalid-criteria</c> (weights must sum to 100), 409 <c>scoring-started</c> once any score is stored.</summary>
    [HttpPut("api/rounds/{roundId}/scoring/criteria")]
    [Authorize(Policies.Staff)]
    public async Task<IReadOnlyList<ScoringCriterion>> SetCriteria(string roundId, [FromBody] IReadOnlyList<ScoringCriterion>? criteria, CancellationToken ct)
    {
        var round = await RoundAsync(roundId, ct);
        var problems = criteria is null ? ["a JSON array of {key, name, weight}"] : ScoringCriteria.Problems(criteria);
        if (problems.Count > 0)
        {
            throw ApiProblemException.BadRequest("invalid-criteria", "评分指标须为1至20项，每项有编号、名称和正数权重，编号与名称不重复，权重合计100。",
                $"Scoring criteria: {string.Join("; ", problems)}.");
        }

        var demandIds = (await catalogue.DemandsAsync(round.Id, null, ct)).Select(d => d.Id).ToList();
        if ((await scores.ScoresAsync(demandIds, ct)).Count > 0)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "scoring-started", $"批次“{round.Id}”已有专家评分，不能再修改评分指标。",
                $"Experts have scored in round '{round.Id}': its criteria can no longer change.");
        }

        await scores.SetCriteriaAsync(round.Id, criteria!, actors.Require(User), ct);
        return criteria!;
    }

    /// <summary>The panel's score workbook: every complete and eligible application the caller may see, the expert cell filled for an expert.</summary>
    [HttpGet("api/demands/{demandId}/scoring/workbook")]
    [Authorize(Policies.Panel)]
    [Produces(ApplicationsController.XlsxContentType)]
    public async Task<IActionResult> Workbook(string demandId, CancellationToken ct)
    {
        var (demand, actor) = await PanelDemandAsync(demandId, ct);
        var criteria = await scores.CriteriaAsync(demand.RoundId, ct);
        var rows = await ScoredApplicationsAsync(demand, actor, ct);
        var bytes = ScoringWorkbook.Build(new ScoringSheetInfo(demand.Id, demand.Title, actor.Role == Actor.ExpertRole ? actor.Id : null, criteria,
            [.. rows.Select(r => (r.ReceiptNo, r.OrganisationName))]));
        return File(bytes, ApplicationsController.XlsxContentType, $"评分表-{demand.Id}.xlsx");
    }

    /// <summary>Uploads a filled score workbook: 200 <c>{expertId, scored}</c>, or 422 <c>invalid-score-sheet</c> with every finding by cell and nothing stored.</summary>
    [HttpPost("api/demands/{demandId}/scoring")]
    [Authorize(Policies.Panel)]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", ApplicationsController.XlsxContentType, "application/octet-stream")]
    public async Task<ScoreUploadResponse> Upload(string demandId, [FromServices] UploadReader uploads, CancellationToken ct)
    {
        var (demand, actor) = await PanelDemandAsync(demandId, ct);
        var bytes = await uploads.ReadAsync(Request, ct);
        var criteria = await scores.CriteriaAsync(demand.RoundId, ct);
        ScoreSheet sheet;
        using (var workbook = PackageOpener.OpenSpreadsheet(bytes, PackageLimits.Default))
        {
            sheet = ScoringWorkbook.Read(workbook, criteria);
        }

        var rows = await ScoredApplicationsAsync(demand, actor, ct);
        var panel = (await review.PanelAsync(demand.Id, ct)).Select(m => m.ExpertId).ToHashSet(StringComparer.Ordinal);
        var import = ScoreRules.Check(sheet, demand.Id, criteria, rows.ToDictionary(r => r.ReceiptNo, r => r.Id, StringComparer.Ordinal), panel,
            actor.Role == Actor.ExpertRole ? actor.Id : null);
        if (import.HasErrors)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "invalid-score-sheet",
                "评分表有错误，未保存任何评分；请按所列单元格逐项修改后重新上传。", "The score sheet has errors and no score was stored; correct the cells listed and upload again.")
            { Findings = import.Findings };
        }

        await scores.ReplaceAsync(demand.Id, import.ExpertId!, import.Scores, actor, ct);
        return new ScoreUploadResponse(demand.Id, import.ExpertId!, import.Scores.Select(s => s.ApplicationId).Distinct().Count(), import.Findings);
    }

    /// <summary>One demand's results: per application the expert count, per-criterion means, weighted total, spread and rank.</summary>
    [HttpGet("api/demands/{demandId}/scoring/results")]
    [Authorize(Policies.Staff)]
    public async Task<DemandScoreResponse> DemandResults(string demandId, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        return (await ResultsAsync([demand], ct))[0];
    }

    [HttpGet("api/rounds/{roundId}/scoring/results")]
    [Authorize(Policies.Staff)]
    public async Task<IReadOnlyList<DemandScoreResponse>> RoundResults(string roundId, CancellationToken ct)
    {
        var round = await RoundAsync(roundId, ct);
        return await ResultsAsync(await catalogue.DemandsAsync(round.Id, Demand.Approved, ct), ct);
    }

    [HttpGet("api/rounds/{roundId}/scoring/results.xlsx")]
    [Authorize(Policies.Staff)]
    [Produces(ApplicationsController.XlsxContentType)]
    public async Task<IActionResult> RoundResultsWorkbook(string roundId, CancellationToken ct)
    {
        var round = await RoundAsync(roundId, ct);
        var results = await ResultsAsync(await catalogue.DemandsAsync(round.Id, Demand.Approved, ct), ct);
        var bytes = ScoringSummaryWorkbook.Build(await scores.CriteriaAsync(round.Id, ct),
            [.. results.Select(r => new DemandScoreSummary(r.DemandId, r.Title, r.Results))]);
        return File(bytes, ApplicationsController.XlsxContentType, $"评分汇总-{round.Id}.xlsx");
    }

    private async Task<List<DemandScoreResponse>> ResultsAsync(IReadOnlyList<Demand> demands, CancellationToken ct)
    {
        var stored = await scores.ScoresAsync([.. demands.Select(d => d.Id)], ct);
        var result = new List<DemandScoreResponse>();
        foreach (var demand in demands)
        {
            var (criteria, results) = await AggregateAsync(scores, applications, demand, stored, ct);
            result.Add(new DemandScoreResponse(demand.Id, demand.Title, criteria, results));
        }

        return result;
    }

    /// <summary>A demand's aggregated scores over its complete, eligible latest applications (results and decision letters).</summary>
    internal static async Task<(IReadOnlyList<ScoringCriterion> Criteria, IReadOnlyList<ScoreResult> Results)> AggregateAsync(IScoreStore scores,
        IApplicationStore applications, Demand demand, IReadOnlyList<ExpertScores> stored, CancellationToken ct)
    {
        var criteria = await scores.CriteriaAsync(demand.RoundId, ct);
        var rows = (await applications.ListAsync(demand.Id, null, null, ct)).Where(a => a.Complete && a.Eligible);
        return (criteria, ScoreAggregation.Aggregate(criteria, [.. rows.Select(r => (r.Id, r.ReceiptNo, r.OrganisationName))], stored));
    }

    /// <summary>The complete, eligible latest applications of the demand that the caller may see (all of them for staff and results).</summary>
    private async Task<List<ApplicationSummary>> ScoredApplicationsAsync(Demand demand, Actor? actor, CancellationToken ct)
    {
        var scope = actor is null ? ApplicationScope.Everything : await access.ScopeAsync(actor, ct);
        return [.. (await applications.ListAsync(demand.Id, null, null, ct)).Where(a => a.Complete && a.Eligible && scope.Allows(a))];
    }

    private async Task<(Demand Demand, Actor Actor)> PanelDemandAsync(string demandId, CancellationToken ct)
    {
        var demand = await catalogue.FindDemandAsync(demandId, ct) ?? throw ApiProblemException.UnknownDemand(demandId);
        var actor = actors.Require(User);
        await access.EnsureOnPanelAsync(demand.Id, actor, ct);

        return (demand, actor);
    }

    private async Task<Round> RoundAsync(string roundId, CancellationToken ct) =>
        await catalogue.FindRoundAsync(roundId, ct) ?? throw ApiProblemException.UnknownRound(roundId);
}

public sealed record ScoreUploadResponse(string DemandId, string ExpertId, int Scored, IReadOnlyList<ScoreFinding> Findings);

public sealed record DemandScoreResponse(string DemandId, string Title, IReadOnlyList<ScoringCriterion> Criteria, IReadOnlyList<ScoreResult> Results);
