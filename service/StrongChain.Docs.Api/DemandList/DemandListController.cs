using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.DemandList;

namespace StrongChain.Docs.Api.DemandList;

/// <summary>The demand list workbook (技术需求榜单): its template and the all-or-nothing import. Staff only.</summary>
[ApiController]
[Authorize(Policies.Staff)]
public sealed class DemandListController(IProgrammeCatalogue catalogue, DemandImporter importer, UploadReader uploads, ActorClaims actors) : ControllerBase
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook of a round, holding its current demands (empty rows to fill when it has none).</summary>
    [HttpGet("api/templates/demands")]
    [Produces(XlsxContentType)]
    public async Task<IActionResult> Template([FromQuery] string roundId, CancellationToken ct)
    {
        var round = await catalogue.FindRoundAsync(roundId, ct)
            ?? throw ApiProblemException.UnknownRound(roundId);
        var demands = await catalogue.DemandsAsync(round.Id, null, ct);
        return File(DemandWorkbookTemplate.Build(round, demands), XlsxContentType, $"技术需求榜单-{round.Id}.xlsx");
    }

    /// <summary>Imports a workbook: 200 with warnings, or 422 with every finding and nothing stored; <c>dryRun=true</c> stores nothing either way.</summary>
    [HttpPost("api/demands/import")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", XlsxContentType, "application/octet-stream")]
    public async Task<ActionResult<ImportResponse>> Import([FromQuery] string roundId, CancellationToken ct, [FromQuery] bool dryRun = false)
    {
        var bytes = await uploads.ReadAsync(Request, ct);
        return await importer.ImportWorkbookAsync(roundId, bytes, actors.Require(User), ct, dryRun);
    }

    /// <summary>Imports the Excel add-in's table values: same answers, rows numbered from the first data row.</summary>
    [HttpPost("api/demands/import-table")]
    public async Task<ActionResult<ImportResponse>> ImportTable([FromQuery] string roundId, [FromBody] ImportTableRequest table, CancellationToken ct, [FromQuery] bool dryRun = false) =>
        await importer.ImportTableAsync(roundId, table, actors.Require(User), ct, dryRun);
}
