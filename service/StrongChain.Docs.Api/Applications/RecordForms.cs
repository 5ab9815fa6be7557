using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Api.Applications;

/// <summary>
/// A record sent by the browser form → the filled .docx of its demand (<see cref="RecordDocument"/>). Checking and
/// submitting a record go through that .docx, so a record gets exactly the answer and the storage a Word form gets.
/// </summary>
public sealed class RecordForms(IProgrammeCatalogue catalogue, IOptions<JsonOptions> json, Review.InvitationGuard invitations)
{
    /// <summary>A record is text only (no pictures): 1 MiB is far more than any form holds.</summary>
    public const long MaxRecordBytes = 1024 * 1024;

    /// <summary>
    /// Reads the record from the request body itself: parts left out of the JSON are empty parts of the form (checked
    /// like an empty form), not a model validation error.
    /// </summary>
    public async Task<(Demand Demand, byte[] Docx)> BuildAsync(string? demandId, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplicationRecord? record;
        try
        {
            record = await JsonSerializer.DeserializeAsync<ApplicationRecord>(request.Body, json.Value.JsonSerializerOptions, ct);
        }
        catch (JsonException)
        {
            throw ApiProblemException.BadRequest("invalid-record", "申报记录不是有效的 JSON，或某项的类型不对（日期为 yyyy-MM-dd，金额与人数为数字）。",
                "The record is not valid JSON or a value has the wrong type (dates yyyy-MM-dd, amounts and counts as numbers).");
        }

        return await BuildAsync(demandId, record, ct);
    }

    public async Task<(Demand Demand, byte[] Docx)> BuildAsync(string? demandId, ApplicationRecord? record, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(demandId))
        {
            throw ApiProblemException.BadRequest("demand-required", "请指定需求编号（demandId）。", "Name the demand (demandId).");
        }

        if (record is null)
        {
            throw ApiProblemException.BadRequest("record-required", "请提交申报内容（JSON 格式的申报记录）。", "Send the application record as JSON.");
        }

        var demand = await catalogue.FindDemandAsync(demandId, ct)
            ?? throw ApiProblemException.UnknownDemand(demandId);
        var round = await catalogue.FindRoundAsync(demand.RoundId, ct)
            ?? throw new InvalidOperationException($"Demand {demand.Id} names a round that is not loaded.");

        await invitations.EnsureAdmittedAsync(demand, null, record.Applicant?.CreditCode, callerRequired: false, ct);

        // The demand decides the form: identity and locked facts come from it, never from the client.
        var complete = RecordValues.Complete(record,
            new FormIdentity(ApplicationForm.TemplateVersion, round.Id, demand.Id),
            new DemandFacts(demand.Id, demand.Title, demand.Issuer, demand.Sector, round.Id));
        return (demand, RecordDocument.Build(round, demand, complete));
    }
}
