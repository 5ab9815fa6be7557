using System.Diagnostics;
using System.Globalization;

namespace StrongChain.Docs.Benchmarks;

/// <summary>
/// Runs the check benchmarks round-robin in one process, so that load from other work on a shared machine falls on
/// every stage alike; the ratio to <see cref="CheckBenchmarks.Floor"/> is taken within each round, then the median.
/// </summary>
internal static class Interleaved
{
    private const int WarmUpCalls = 2000;
    private const int Rounds = 300;
    private const int CallsPerRound = 20;

    public static void Run()
    {
        var benchmarks = new CheckBenchmarks();
        benchmarks.Setup();
        (string Name, Func<int> Call)[] stages =
        [
            (nameof(CheckBenchmarks.Floor), benchmarks.Floor),
            (nameof(CheckBenchmarks.Guard), benchmarks.Guard),
            (nameof(CheckBenchmarks.OpenAndRead), benchmarks.OpenAndRead),
            (nameof(CheckBenchmarks.Rules), benchmarks.Rules),
            (nameof(CheckBenchmarks.Check), benchmarks.Check),
        ];

        // Enough calls for the JIT's tiered compilation to settle on optimised code.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            foreach (var stage in stages)
            {
                stage.Call();
            }
        }

        var times = stages.Select(_ => new double[Rounds]).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var watch = Stopwatch.StartNew();
                for (var call = 0; call < CallsPerRound; call++)
                {
                    stages[s].Call();
                }

                times[s][round] = watch.Elapsed.TotalMicroseconds / CallsPerRound;
            }
        }

        Console.WriteLine($"{Rounds} rounds of {CallsPerRound} calls per stage; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| Method | Median | Min | Ratio to Floor (median of rounds) |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var s = 0; s < stages.Length; s++)
        {
            var ratios = times[s].Select((t, round) => t / times[0][round]).ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {stages[s].Name} | {Median(times[s]):F1} µs | {times[s].Min():F1} µs | {Median(ratios):F2} |"));
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
