using System.Collections.Concurrent;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>
/// The demand and round a check needs, kept for <see cref="Lifetime"/> per service instance: the two store look-ups were a
/// fifth of a check's CPU. Changes made through this instance clear it at once; another instance's show within the lifetime.
/// </summary>
public sealed class DemandLookupCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The demand with its round, from the cache or the catalogue; null when either is not stored.</summary>
    public async Task<(Demand Demand, Round Round)?> FindAsync(string demandId, IProgrammeCatalogue catalogue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(demandId, out var entry) && entry.Until > now)
        {
            return (entry.Demand, entry.Round);
        }

        var demand = await catalogue.FindDemandAsync(demandId, ct);
        var round = demand is null ? null : await catalogue.FindRoundAsync(demand.RoundId, ct);
        if (demand is null || round is null)
        {
            _entries.TryRemove(demandId, out _);
            return null;
        }

        _entries[demandId] = new Entry(demand, round, now + Lifetime);
        return (demand, round);
    }

    /// <summary>Forgets everything (after an import, a review-status change or a round update on this instance).</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(Demand Demand, Round Round, DateTimeOffset Until);
}
