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
        return (round, [.. demands.Select((d, i) => WithSampleFacts(d with { Id = DemoId(d.Id), RoundId = DemoRoundId }, i))]);
    }

    /// <summary>Text that marks every fact the sources do not give and the demo round fills in.</summary>
    public const string SampleMark = "（示例数据）";

    /// <summary>
    /// Fills what the sources leave empty with values marked as samples (credit codes 91110108MA9…, a sample contact),
    /// so the demo round's workbook imports and its bulletin and agreements have every part; the first batch keeps only real facts.
    /// </summary>
    private static Demand WithSampleFacts(Demand d, int index) => d with
    {
        IssuerCreditCode = d.IssuerCreditCode ?? SampleCreditCode(index + 1),
        Summary = d.Summary ?? $"{SampleMark}发榜企业围绕“{d.Title}”征集研发单位，突破关键技术，实现国产化替代并形成批量供货能力。",
        Indicators = d.Indicators ?? $"{SampleMark}1. 主要性能指标达到国际同类产品水平；2. 通过发榜企业的测试验证。",
        DeadlineMonths = d.DeadlineMonths ?? 24,
        Procurement = d.Procurement ?? $"{SampleMark}研发成功并通过验收后，发榜企业将产品纳入供应链并优先采购。",
        ContactName = d.ContactName ?? "示例联系人",
        ContactPhone = d.ContactPhone ?? "010-62345678",
    };

    /// <summary>9 (工商) 1 (企业) 110108 (海淀区), then MA9 and a running number: valid, and plainly not a real registration.</summary>
    private static string SampleCreditCode(int n)
    {
        var first17 = $"91110108MA9{n:D6}";
        return first17 + StrongChain.Docs.Domain.CreditCodes.UnifiedCreditCode.ComputeCheckCharacter(first17);
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
