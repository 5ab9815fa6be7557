using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Documents.Export;
using StrongChain.Docs.Domain.Dashboard;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Consortia;
using StrongChain.Docs.Storage.Dashboard;
using StrongChain.Docs.Storage.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>
/// The dashboard of a round with 1,000 demands and 10,000 applications (with decisions, agreements, consortia) on SQLite:
/// what <c>GET /api/dashboard</c> does after authentication (round, published demands, grouped counts, consortia, targets,
/// composition, JSON), and the same figures as the .xlsx. Goal: ≤ 100 ms at p99.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class DashboardBenchmarks
{
    private const string RoundId = "bench-dash";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private string _folder = "";
    private ServiceProvider? _services;
    private (Round, IReadOnlyList<PublishedDemand>, IReadOnlyList<DemandCounts>, IReadOnlyList<ConsortiumFacts>, Domain.Consortia.RoundTargets)? _inputs;

    /// <summary>Short jobs and p95/p99 columns: the goal is a tail latency, and the machine is shared. One request an iteration, so P99 is per request.</summary>
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            // In process: on the shared machine the generated project's build hit BenchmarkDotNet's two-minute build timeout.
            AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(100).WithInvocationCount(1).WithUnrollFactor(1)
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
            AddColumn(new PercentileColumn(99));
        }
    }

    /// <summary>BenchmarkDotNet has P0–P100 columns only at fixed steps; this one reads the 99th percentile of the iterations.</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";
        public string ColumnName => $"P{percentile}";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => $"{percentile}th percentile of the iterations";
        public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
        public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, SummaryStyle.Default);
        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(percentile) is { } ns
                ? (ns / 1_000_000).ToString("0.00 'ms'", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("strongchain-bench-dash-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite"] = "bench.db" }).Build();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddDocsStorage(configuration, _folder).BuildServiceProvider();
        StorageInitializer.MigrateAsync(_services, CancellationToken.None).GetAwaiter().GetResult();
        RoundSeeder.SeedAsync(_services, SampleProgramme.FirstBatch with { Id = RoundId }, 1_000, 10_000, 7, new DateOnly(2021, 6, 1), CancellationToken.None)
            .GetAwaiter().GetResult();
        using (var scope = _services.CreateScope())
        {
            var p = scope.ServiceProvider;
            var store = p.GetRequiredService<IDashboardStore>();
            _inputs = (p.GetRequiredService<IDemandStore>().FindRoundAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult()!,
                store.PublishedDemandsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
                store.CountsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
                store.ConsortiaAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
                p.GetRequiredService<IConsortiumStore>().TargetsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult());
        }

        var figures = Compose();
        if (figures.Totals.Applications < 8_000 || figures.Totals.Consortia == 0)
        {
            throw new InvalidOperationException($"The seeded round should be full: {figures.Totals}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The JSON answer's bytes, as the controller's serializer writes them.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Json() => JsonSerializer.SerializeToUtf8Bytes(Compose(), Web);

    [Benchmark]
    public byte[] Workbook() => DashboardWorkbook.Build(Compose());

    /// <summary>The composition alone, over inputs read once: what is not the database.</summary>
    [Benchmark]
    public RoundDashboard StageCompose()
    {
        var (round, demands, counts, consortia, targets) = _inputs!.Value;
        return DashboardComposer.Compose(round, demands, counts, consortia, targets, null, DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public object StageDemands()
    {
        using var scope = _services!.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDashboardStore>().PublishedDemandsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public object StageCounts()
    {
        using var scope = _services!.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDashboardStore>().CountsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public object StageConsortia()
    {
        using var scope = _services!.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDashboardStore>().ConsortiaAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult();
    }

    private RoundDashboard Compose()
    {
        using var scope = _services!.CreateScope();
        var provider = scope.ServiceProvider;
        var demands = provider.GetRequiredService<IDemandStore>();
        var counts = provider.GetRequiredService<IDashboardStore>();
        var round = demands.FindRoundAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult()!;
        return DashboardComposer.Compose(round,
            counts.PublishedDemandsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
            counts.CountsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
            counts.ConsortiaAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
            provider.GetRequiredService<IConsortiumStore>().TargetsAsync(RoundId, CancellationToken.None).GetAwaiter().GetResult(),
            null, DateTimeOffset.UtcNow);
    }
}
