using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Bulletins;

namespace StrongChain.Docs.Storage.Bulletins;

/// <summary>What generating a bulletin stores: the document and the counts it states.</summary>
public sealed record NewBulletin(string RoundId, string DocumentNumber, int DemandCount, IReadOnlyList<SectorCount> Sectors, byte[] Docx, Actor Actor);

/// <summary>A stored bulletin's facts, without its bytes.</summary>
public sealed record BulletinInfo(
    string Id,
    string RoundId,
    string DocumentNumber,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int DemandCount,
    IReadOnlyList<SectorCount> Sectors,
    string Sha256,
    long Size);

/// <summary>A stored bulletin's .docx with what names and checks it.</summary>
public sealed record BulletinDocumentBytes(string RoundId, string Sha256, byte[] Bytes);

/// <summary>Bulletin snapshots: each generation is kept (with an audit entry); reads return exactly what was generated.</summary>
public interface IBulletinStore
{
    Task<BulletinInfo> AddAsync(NewBulletin bulletin, CancellationToken ct);

    Task<BulletinInfo?> FindAsync(string id, CancellationToken ct);

    /// <summary>The stored .docx bytes, or null for an unknown id.</summary>
    Task<BulletinDocumentBytes?> DocumentAsync(string id, CancellationToken ct);
}
