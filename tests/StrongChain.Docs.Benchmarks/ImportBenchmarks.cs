using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>Import of a 5,000-demand workbook in process: guard + read, rules, and the all-or-nothing store on SQLite.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Count = 5_000;
    private static readonly Actor Staff = new("bench", Actor.StaffRole, null);
    private readonly Round _round = DemandSamples.FirstRound with { Id = "bench" };
    private byte[] _workbook = [];
    private DemandSheet? _sheet;
    private DemandImport? _import;
    private string _folder = "";
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup()
    {
        var demands = Enumerable.Range(0, Count)
            .Select(i => DemandSamples.FirstBatch[i % DemandSamples.FirstBatch.Count] with { Id = $"BENCH-{i:D5}", RoundId = _round.Id })
            .ToList();
        _workbook = DemandWorkbookTemplate.Build(_round, demands);
        _sheet = Read();
        _import = DemandRules.Check(_sheet, _round);
        if (_import.Demands.Count != Count)
        {
            throw new InvalidOperationException($"The generated list should pass the rules: {_import.Findings.FirstOrDefault()}");
        }
    }

    /// <summary>A fresh database per iteration, so every store run inserts 5,000 rows (the costlier path).</summary>
    [IterationSetup(Targets = [nameof(Store), nameof(Import)])]
    public void FreshDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("strongchain-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite"] = "bench.db" }).Build();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddDocsStorage(configuration, _folder).BuildServiceProvider();
        StorageInitializer.MigrateAsync(_services, CancellationToken.None).GetAwaiter().GetResult();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IDemandStore>().EnsureRoundAsync(_round, false, Staff, CancellationToken.None).GetAwaiter().GetResult();
    }

    [IterationCleanup(Targets = [nameof(Store), nameof(Import)])]
    public void DropDatabase()
    {
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Guard, open and read the Demands table.</summary>
    [Benchmark]
    public DemandSheet Read() => DemandWorkbookReader.Read(_workbook, PackageLimits.Default);

    /// <summary>Every rule of the demand list over the read table.</summary>
    [Benchmark]
    public DemandImport Rules() => DemandRules.Check(_sheet!, _round);

    /// <summary>The foreign-id lookup and the all-or-nothing upsert with audit entries.</summary>
    [Benchmark]
    public int Store() => StoreAsync(_import!).GetAwaiter().GetResult();

    /// <summary>What <c>POST /api/demands/import</c> does with the bytes: all of the above.</summary>
    [Benchmark]
    public int Import() => StoreAsync(DemandRules.Check(Read(), _round)).GetAwaiter().GetResult();

    private async Task<int> StoreAsync(DemandImport import)
    {
        using var scope = _services!.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        _ = await store.RoundsOfDemandsAsync([.. import.Demands.Select(d => d.Id)], CancellationToken.None);
        return await store.UpsertRoundDemandsAsync(_round.Id, import.Demands, Staff, CancellationToken.None);
    }
}
