using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>Read access to rounds and demands (sample data now; the database once storage lands).</summary>
public interface IProgrammeCatalogue
{
    IReadOnlyList<Round> Rounds { get; }

    Round? FindRound(string id);

    IReadOnlyList<Demand> Demands(string? roundId = null, string? status = null);

    Demand? FindDemand(string id);
}
