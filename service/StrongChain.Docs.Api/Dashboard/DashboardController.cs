using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Documents.Export;
using StrongChain.Docs.Domain.Dashboard;
using StrongChain.Docs.Storage.Consortia;
using StrongChain.Docs.Storage.Dashboard;

namespace StrongChain.Docs.Api.Dashboard;

/// <summary>The task force's dashboard (工作专班): a round's figures as JSON (the page draws them) and as an .xlsx. Staff only.</summary>
[ApiController]
[Authorize(Policies.Staff)]
public sealed class DashboardController(
    IProgrammeCatalogue catalogue,
    IDashboardStore counts,
    IConsortiumStore consortia,
    TimeProvider time) : ControllerBase
{
    [HttpGet("api/dashboard")]
    public Task<RoundDashboard> Figures([FromQuery] string? roundId, [FromQuery] string? sector, CancellationToken ct) =>
        ComposeAsync(roundId, sector, ct);

    [HttpGet("api/dashboard.xlsx")]
    [Produces(ApplicationsController.XlsxContentType)]
    public async Task<IActionResult> Workbook([FromQuery] string? roundId, [FromQuery] string? sector, CancellationToken ct)
    {
        var dashboard = await ComposeAsync(roundId, sector, ct);
        return File(DashboardWorkbook.Build(dashboard), ApplicationsController.XlsxContentType,
            $"工作专班-{dashboard.RoundId}{(sector is null ? "" : "-" + sector)}-{dashboard.LocalDate:yyyyMMdd}.xlsx");
    }

    private async Task<RoundDashboard> ComposeAsync(string? roundId, string? sector, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(roundId))
        {
            throw ApiProblemException.BadRequest("round-required", "请指定批次（roundId）。", "Name the round (roundId).");
        }

        var round = await catalogue.FindRoundAsync(roundId, ct) ?? throw ApiProblemException.UnknownRound(roundId);
        var demands = await counts.PublishedDemandsAsync(round.Id, ct);
        sector = string.IsNullOrWhiteSpace(sector) ? null : sector.Trim();
        if (sector is not null && !round.Sectors.Contains(sector, StringComparer.Ordinal) && demands.All(d => d.Sector != sector))
        {
            throw ApiProblemException.BadRequest("unknown-sector", $"批次“{round.Id}”没有领域“{sector}”。", $"Round '{round.Id}' has no sector '{sector}'.");
        }

        return DashboardComposer.Compose(round, demands, await counts.CountsAsync(round.Id, ct), await counts.ConsortiaAsync(round.Id, ct),
            await consortia.TargetsAsync(round.Id, ct), sector, time.GetUtcNow());
    }
}
