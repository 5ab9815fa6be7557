using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;

namespace StrongChain.Docs.Storage.Consortia;

/// <summary>The consortium register and the rounds' targets; forming a consortium is audited.</summary>
public interface IConsortiumStore
{
    /// <summary>
    /// Stores the consortium with the countersigned file and its audit entry in one transaction; false (nothing written)
    /// when the agreement already formed one.
    /// </summary>
    Task<bool> FormAsync(Consortium consortium, byte[] signedFile, Actor actor, CancellationToken ct);

    /// <summary>The consortium formed by an agreement, if any.</summary>
    Task<string?> IdForAgreementAsync(string agreementId, CancellationToken ct);

    /// <summary>A consortium; null when unknown or when <paramref name="creditCode"/> names no party of it.</summary>
    Task<Consortium?> FindAsync(string id, string? creditCode, CancellationToken ct);

    /// <summary>The register of one round (or all), in demand order; limited to consortia the organisation is a party of.</summary>
    Task<IReadOnlyList<Consortium>> ListAsync(string? roundId, string? creditCode, CancellationToken ct);

    /// <summary>The countersigned file exactly as uploaded, with its facts.</summary>
    Task<(SignedCopy Copy, byte[] Bytes)?> SignedFileAsync(string id, string? creditCode, CancellationToken ct);

    /// <summary>The stored record (JSON) of one application version: the one an agreement was drafted from.</summary>
    Task<string?> ApplicationRecordJsonAsync(string applicationId, int version, CancellationToken ct);

    Task<RoundTargets> TargetsAsync(string roundId, CancellationToken ct);

    Task<RoundTargets> SetTargetsAsync(RoundTargets targets, Actor actor, CancellationToken ct);
}
