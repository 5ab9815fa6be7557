using System.Text.Json;
using System.Text.Json.Serialization;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>
/// The first batch (首批榜单, round 2020-01) as the service's embedded sample data. The sources name the issuer of
/// one demand only; the others get clearly fictitious names (示例发榜企业A…) so nothing invented passes for real.
/// </summary>
public sealed class SampleProgramme : IProgrammeCatalogue
{
    public const string FictitiousIssuerPrefix = "示例发榜企业";

    private readonly Dictionary<string, Demand> _demands;

    public SampleProgramme()
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream("SampleData.first-batch-demands.json")
            ?? throw new InvalidOperationException("The embedded sample data is missing from the build.");
        var batch = JsonSerializer.Deserialize<BatchFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The embedded sample data is empty.");

        var r = batch.Round;
        var round = new Round(
            r.Id, r.Name, r.PublishedOn, r.Opens, r.Closes, r.TimeZone,
            [.. batch.Demands.Select(d => d.Sector).Distinct()],
            r.MaxCoApplicants, r.MaxProjectMonths, r.SupportRatio);
        Rounds = [round];

        var fictitious = 0;
        _demands = batch.Demands
            .Select(d => new Demand(
                d.Id, round.Id, d.Sector, null, d.Title,
                d.Issuer ?? $"{FictitiousIssuerPrefix}{(char)('A' + fictitious++)}",
                null, null, null, null, null, null, null, null, null,
                Demand.Approved))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Round> Rounds { get; }

    public Round? FindRound(string id) => Rounds.FirstOrDefault(r => r.Id == id);

    public IReadOnlyList<Demand> Demands(string? roundId = null, string? status = null) =>
        [.. _demands.Values
            .Where(d => roundId is null || d.RoundId == roundId)
            .Where(d => status is null || d.ReviewStatus == status)];

    public Demand? FindDemand(string id) => _demands.GetValueOrDefault(id);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record BatchFile(RoundFile Round, IReadOnlyList<DemandFile> Demands);

    private sealed record RoundFile(
        string Id, string Name, DateOnly? PublishedOn, DateTimeOffset Opens, DateTimeOffset Closes, string TimeZone,
        int MaxCoApplicants, int MaxProjectMonths, decimal SupportRatio);

    private sealed record DemandFile(string Id, string Sector, string Title, [property: JsonPropertyName("issuer")] string? Issuer);
}
