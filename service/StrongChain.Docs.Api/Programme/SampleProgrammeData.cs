using System.Text.Json;
using System.Text.Json.Serialization;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>
/// The first batch (首批榜单, round 2020-01) as embedded sample data, and the demo round made from it. The sources name the
/// issuer of one demand only; the others get clearly fictitious names (示例发榜企业A…) so nothing invented passes for real.
/// </summary>
public static class SampleProgrammeData
{
    public const string FictitiousIssuerPrefix = "示例发榜企业";
    public const string DemoRoundId = "demo";
    public const string DemoRoundName = "演示批次（示例数据）";
    public const string DemoDemandPrefix = "DEMO-";
    public const string FirstBatchDemandPrefix = "QL2020-";

    /// <summary>How long the demo round stays open, counted from the day before the service starts.</summary>
    public const int DemoWindowDays = 90;

    public static (Round Round, IReadOnlyList<Demand> Demands) FirstBatch()
    {
        using var stream = typeof(SampleProgrammeData).Assembly.GetManifestResourceStream("SampleData.first-batch-demands.json")
            ?? throw new InvalidOperationException("The embedded sample data is missing from the build.");
        var batch = JsonSerializer.Deserialize<BatchFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The embedded sample data is empty.");

        var r = batch.Round;
        var round = new Round(
            r.Id, r.Name, r.PublishedOn, r.Opens, r.Closes, r.TimeZone,
            [.. batch.Demands.Select(d => d.Sector).Distinct()],
            r.MaxCoApplicants, r.MaxProjectMonths, r.SupportRatio);

        var fictitious = 0;
        IReadOnlyList<Demand> demands = [.. batch.Demands.Select(d => new Demand(
            d.Id, round.Id, d.Sector, null, d.Title,
            d.Issuer ?? $"{FictitiousIssuerPrefix}{(char)('A' + fictitious++)}",
            null, null, null, null, null, null, null, null, null,
            Demand.Approved))];
        return (round, demands);
    }

    /// <summary>
    /// The demo round: the first batch's sectors and demands (ids <c>DEMO-…</c>) with a window open now, so a newcomer can
    /// submit at once. Opens at the start of yesterday (Asia/Shanghai), closes 90 days later at 23:59:59.
    /// </summary>
    public static (Round Round, IReadOnlyList<Demand> Demands) Demo(DateTimeOffset now)
    {
        var (first, demands) = FirstBatch();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(first.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var opensDate = today.AddDays(-1);
        var closesDate = opensDate.AddDays(DemoWindowDays);
        var round = first with
        {
            Id = DemoRoundId,
            Name = DemoRoundName,
            PublishedOn = opensDate,
            Opens = AtLocal(opensDate, TimeOnly.MinValue, zone),
            Closes = AtLocal(closesDate, new TimeOnly(23, 59, 59), zone),
        };
        return (round, [.. demands.Select(d => d with { Id = DemoId(d.Id), RoundId = DemoRoundId })]);
    }

    /// <summary><c>QL2020-IT-01</c> → <c>DEMO-IT-01</c>.</summary>
    public static string DemoId(string firstBatchId) =>
        firstBatchId.StartsWith(FirstBatchDemandPrefix, StringComparison.Ordinal)
            ? DemoDemandPrefix + firstBatchId[FirstBatchDemandPrefix.Length..]
            : DemoDemandPrefix + firstBatchId;

    private static DateTimeOffset AtLocal(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record BatchFile(RoundFile Round, IReadOnlyList<DemandFile> Demands);

    private sealed record RoundFile(
        string Id, string Name, DateOnly? PublishedOn, DateTimeOffset Opens, DateTimeOffset Closes, string TimeZone,
        int MaxCoApplicants, int MaxProjectMonths, decimal SupportRatio);

    private sealed record DemandFile(string Id, string Sector, string Title, [property: JsonPropertyName("issuer")] string? Issuer);
}
