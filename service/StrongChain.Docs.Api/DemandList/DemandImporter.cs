using System.Text.Json;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.DemandList;

/// <summary>Workbook or add-in table → read table → findings → stored demands, all or nothing.</summary>
public sealed class DemandImporter(IProgrammeCatalogue catalogue, IDemandStore store, DemandLookupCache lookups)
{
    public async Task<ImportResponse> ImportWorkbookAsync(string roundId, byte[] xlsx, Actor actor, CancellationToken ct, bool dryRun = false)
    {
        var round = await RoundAsync(roundId, ct);
        // Guard and read in one pass over the package (no SDK package, every part inflated once).
        var sheet = DemandWorkbookReader.Read(xlsx, PackageLimits.Default);
        return await ImportAsync(round, sheet, actor, dryRun, ct);
    }

    public async Task<ImportResponse> ImportTableAsync(string roundId, ImportTableRequest table, Actor actor, CancellationToken ct, bool dryRun = false)
    {
        var round = await RoundAsync(roundId, ct);
        var sheet = DemandSheet.FromTable(
            [.. table.Headers.Select(CellText)],
            // A null row (JSON allows it inside the array) is a blank row, as a null cell is a blank cell.
            [.. table.Rows.Select(r => (IReadOnlyList<string?>)[.. (r ?? []).Select(CellText)])]);
        return await ImportAsync(round, sheet, actor, dryRun, ct);
    }

    private async Task<ImportResponse> ImportAsync(Round round, DemandSheet sheet, Actor actor, bool dryRun, CancellationToken ct)
    {
        switch (sheet.Outcome)
        {
            case DemandSheetOutcome.TooManyRows:
                throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "too-many-rows",
                    $"榜单超过 {DemandColumns.MaxRows} 行，请删除多余的空行或分批导入。",
                    $"The list has more than {DemandColumns.MaxRows} rows; delete stray rows or import in parts.");
            case DemandSheetOutcome.Unreadable:
                throw ApiProblemException.BadRequest("unreadable-workbook",
                    "无法读取工作簿中的榜单，请用 Excel 打开后另存为 .xlsx 再上传。",
                    "The list in the workbook cannot be read; open it in Excel, save it as .xlsx and upload again.");
        }

        var stored = (await catalogue.DemandsAsync(round.Id, null, ct)).ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var import = DemandRules.Check(sheet, round, stored);
        var findings = import.Findings.Concat(await ForeignIdsAsync(sheet, import, round, ct)).ToList();
        if (findings.Any(f => f.Severity == Severity.Error))
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "invalid-demand-list",
                "榜单有错误，未导入任何需求；请按所列单元格逐项修改后重新导入。",
                "The list has errors and nothing was imported; correct the cells listed and import again.")
            { Findings = findings };
        }

        // A dry run (the add-in's 校验) answers exactly as the import would, without storing.
        if (dryRun)
        {
            return new ImportResponse(import.Demands.Count, findings);
        }

        var imported = await store.UpsertRoundDemandsAsync(round.Id, import.Demands, actor, ct);
        lookups.Clear();
        return new ImportResponse(imported, findings);
    }

    /// <summary>An id already used in another round is the workbook's mistake, not the store's: say which row (one query for all ids).</summary>
    private async Task<IEnumerable<DemandFinding>> ForeignIdsAsync(DemandSheet sheet, DemandImport import, Round round, CancellationToken ct)
    {
        var stored = await store.RoundsOfDemandsAsync([.. import.Demands.Select(d => d.Id)], ct);
        return [.. import.Demands.Where(d => stored.TryGetValue(d.Id, out var roundId) && roundId != round.Id).Select(Finding)];

        DemandFinding Finding(Demand d)
        {
            var row = sheet.Rows.FirstOrDefault(r => r[DemandColumns.Id]?.Trim() == d.Id);
            return new DemandFinding(row?.AddressOf(DemandColumns.Id), row?.RowNumber ?? 0, DemandColumns.Id, d.Id, "id-in-other-round", Severity.Error,
                $"需求编号“{d.Id}”已用于批次“{stored[d.Id]}”，请改用新的编号。",
                $"Demand id '{d.Id}' is already used in round '{stored[d.Id]}'; use a new id.");
        }
    }

    private async Task<Round> RoundAsync(string roundId, CancellationToken ct) =>
        await catalogue.FindRoundAsync(roundId, ct)
        ?? throw ApiProblemException.UnknownRound(roundId);

    /// <summary>The add-in's cell values as Excel shows them: 12 → "12", true → "TRUE".</summary>
    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => null,
    };
}

/// <summary>The Excel add-in's table: header texts and rows of cell values (strings, numbers, booleans).</summary>
public sealed record ImportTableRequest(IReadOnlyList<JsonElement> Headers, IReadOnlyList<IReadOnlyList<JsonElement>> Rows);

public sealed record ImportResponse(int Imported, IReadOnlyList<DemandFinding> Findings);
