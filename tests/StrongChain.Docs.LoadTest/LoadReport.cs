using System.Globalization;
using System.Text;

namespace StrongChain.Docs.LoadTest;

/// <summary>The figures as a Markdown table (pasted into docs/performance.md).</summary>
public static class LoadReport
{
    public static string Table(IReadOnlyList<PhaseResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| phase | requests | errors | seconds | requests/s | p50 ms | p90 ms | p99 ms | max ms | service CPU ms/req | client CPU ms/req |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var sorted = r.LatenciesMs.Order().ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Requests} | {r.Errors} | {r.Elapsed.TotalSeconds:0.0} | {r.Requests / r.Elapsed.TotalSeconds:0} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.90):0.0} | {Percentile(sorted, 0.99):0.0} | {(sorted.Count == 0 ? 0 : sorted[^1]):0.0} | {PerRequest(r.ServiceCpu, r.Requests)} | {PerRequest(r.ClientCpu, r.Requests)} |"));
        }

        foreach (var r in results.Where(r => r.FirstError is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"first {r.Name} error: {r.FirstError}");
        }

        return text.ToString();
    }

    private static string PerRequest(TimeSpan? cpu, int requests) =>
        cpu is { } time && requests > 0 ? (time.TotalMilliseconds / requests).ToString("0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
