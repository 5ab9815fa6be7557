using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>The catalogue over the database (rounds and demands seeded at start-up, then imported).</summary>
public sealed class StoredProgrammeCatalogue(IDemandStore store) : IProgrammeCatalogue
{
    public Task<IReadOnlyList<Round>> RoundsAsync(CancellationToken ct) => store.RoundsAsync(ct);

    public Task<Round?> FindRoundAsync(string id, CancellationToken ct) => store.FindRoundAsync(id, ct);

    public Task<IReadOnlyList<Demand>> DemandsAsync(string? roundId, string? status, CancellationToken ct) => store.DemandsAsync(roundId, status, ct);

    public Task<Demand?> FindDemandAsync(string id, CancellationToken ct) => store.FindDemandAsync(id, ct);
}
