using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>Read access to rounds and demands, as stored.</summary>
public interface IProgrammeCatalogue
{
    Task<IReadOnlyList<Round>> RoundsAsync(CancellationToken ct);

    Task<Round?> FindRoundAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Demand>> DemandsAsync(string? roundId, string? status, CancellationToken ct);

    Task<Demand?> FindDemandAsync(string id, CancellationToken ct);
}
