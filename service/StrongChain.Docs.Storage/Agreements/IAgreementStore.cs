using StrongChain.Docs.Domain.Access;

namespace StrongChain.Docs.Storage.Agreements;

/// <summary>What generating an agreement stores.</summary>
public sealed record NewAgreementVersion(
    string AgreementId,
    string ApplicationId,
    int ApplicationVersion,
    string RoundId,
    string DemandId,
    string CreditCode,
    string OrganisationName,
    int PartyCount,
    byte[] Docx,
    Actor Actor);

/// <summary>An agreement version's facts, without its bytes.</summary>
public sealed record AgreementVersionInfo(
    string AgreementId,
    int Version,
    string ApplicationId,
    int ApplicationVersion,
    string RoundId,
    string DemandId,
    string CreditCode,
    string OrganisationName,
    int PartyCount,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string DocxSha256,
    bool Signed);

/// <summary>A version's bytes: the .docx, and the signed PDF when it has been made.</summary>
public sealed record AgreementFiles(AgreementVersionInfo Info, byte[] Docx, byte[]? SignedPdf);

/// <summary>Agreements and their versions; every generation and signature is audited.</summary>
public interface IAgreementStore
{
    /// <summary>The agreement of an application, if one was generated.</summary>
    Task<string?> IdForApplicationAsync(string applicationId, CancellationToken ct);

    /// <summary>The agreement's latest version number, 0 when it has none yet (the draft's text names the version it will be).</summary>
    Task<int> LatestVersionAsync(string id, CancellationToken ct);

    /// <summary>Stores a new version (1 for a new agreement) in one transaction with its audit entry.</summary>
    Task<AgreementVersionInfo> AddVersionAsync(NewAgreementVersion version, CancellationToken ct);

    /// <summary>A version's files (the latest when <paramref name="version"/> is null); null when unknown or not the caller's organisation.</summary>
    Task<AgreementFiles?> FilesAsync(string id, int? version, string? creditCode, CancellationToken ct);

    /// <summary>Keeps the first signed PDF of a version and returns the one kept (another request may have signed it first).</summary>
    Task<byte[]> KeepSignedPdfAsync(string id, int version, byte[] signedPdf, Actor actor, CancellationToken ct);

    /// <summary>The register: the latest version of every agreement, of one round or all.</summary>
    Task<IReadOnlyList<AgreementVersionInfo>> RegisterAsync(string? roundId, string? creditCode, CancellationToken ct);

    /// <summary>Whether a version with this .docx hash was generated for this agreement.</summary>
    Task<bool> IsRegisteredAsync(string id, string docxSha256, CancellationToken ct);
}
