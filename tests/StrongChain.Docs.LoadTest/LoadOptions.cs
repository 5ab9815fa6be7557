using System.Globalization;

namespace StrongChain.Docs.LoadTest;

/// <summary>Command-line settings; every count and the time per phase are bounded.</summary>
public sealed record LoadOptions(Uri Url, int Clients, int Checks, int Submits, int MaxSeconds, int? ServicePid, int Rounds)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var url = values.TryGetValue("url", out var u) ? new Uri(u) : throw new ArgumentException("--url is required (the running service).");
        if (!url.IsLoopback)
        {
            throw new ArgumentException("The load client targets loopback only.");
        }

        return new LoadOptions(url, Number("clients", 16), Number("checks", 4000), Number("submits", 800), Number("max-seconds", 120),
            values.ContainsKey("pid") ? Number("pid", 0) : null, Math.Clamp(Number("rounds", 2), 1, 5));
    }
}
