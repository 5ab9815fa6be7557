using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Storage.Programme;

/// <summary>Writes and reads rounds and demands (the demand-list import and the seeding use it).</summary>
public interface IDemandStore
{
    /// <summary>
    /// Stores a round's demand list all-or-nothing in one transaction: inserts new ids, updates existing ones
    /// (their list position follows <paramref name="demands"/>), and writes an audit entry for every creation,
    /// update and review-status change. Returns how many demands were stored. Demands of the round that the
    /// list does not name are left as they are.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The round does not exist.</exception>
    /// <exception cref="InvalidOperationException">A demand names another round, an id belongs to another round, or an id is listed twice.</exception>
    Task<int> UpsertRoundDemandsAsync(string roundId, IReadOnlyList<Demand> demands, Actor actor, CancellationToken ct);

    Task<IReadOnlyList<Round>> RoundsAsync(CancellationToken ct);

    Task<Round?> FindRoundAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Demand>> DemandsAsync(string? roundId, string? status, CancellationToken ct);

    Task<Demand?> FindDemandAsync(string id, CancellationToken ct);

    /// <summary>The round each of <paramref name="ids"/> is stored under; ids not stored are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> RoundsOfDemandsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Sets one demand's expert-review conclusion, with an audit entry when it changes; null when the demand does not exist.</summary>
    Task<Demand?> SetReviewStatusAsync(string id, string reviewStatus, Actor actor, CancellationToken ct);

    /// <summary>Creates the round when missing; with <paramref name="updateExisting"/> also rewrites an existing round's settings and window.</summary>
    Task EnsureRoundAsync(Round round, bool updateExisting, Actor actor, CancellationToken ct);
}
