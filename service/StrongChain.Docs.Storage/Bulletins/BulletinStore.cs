using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Bulletins;

/// <summary>Bulletins in <see cref="DocsDbContext"/>: the snapshot row, its audit entry and its publishing work are saved together.</summary>
public sealed class BulletinStore(DocsDbContext db, TimeProvider time) : IBulletinStore
{
    public async Task<BulletinInfo> AddAsync(NewBulletin bulletin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var row = new StoredBulletin
        {
            Id = Guid.NewGuid().ToString("N"),
            RoundId = bulletin.RoundId,
            DocumentNumber = bulletin.DocumentNumber,
            // Microseconds are what PostgreSQL keeps: truncate so the answer equals a later read.
            CreatedAt = Truncate(time.GetUtcNow()),
            CreatedBy = bulletin.Actor.Id,
            DemandCount = bulletin.DemandCount,
            SectorsJson = JsonSerializer.Serialize(bulletin.Sectors, StorageJson.Options),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bulletin.Docx)),
            Size = bulletin.Docx.LongLength,
            Bytes = bulletin.Docx,
        };
        db.Bulletins.Add(row);
        db.AuditEntries.Add(Audit.Audit.Entry(row.CreatedAt, bulletin.Actor, "bulletin.create", "bulletin", row.Id,
            new { row.RoundId, row.DocumentNumber, row.DemandCount, bulletin.Sectors, row.Sha256, row.Size }));
        // Publishing (.docx and .pdf) is queued in the same SaveChanges, so a stored bulletin is always published.
        db.OutboxItems.AddRange(Outbox.OutboxRows.From(OutboxPlan.ForBulletin(row.Id, row.RoundId), row.CreatedAt));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Info(row);
    }

    public async Task<BulletinInfo?> FindAsync(string id, CancellationToken ct)
    {
        var row = await db.Bulletins.AsNoTracking()
            .Where(b => b.Id == id)
            .Select(b => new StoredBulletin
            {
                Id = b.Id, RoundId = b.RoundId, DocumentNumber = b.DocumentNumber, CreatedAt = b.CreatedAt, CreatedBy = b.CreatedBy,
                DemandCount = b.DemandCount, SectorsJson = b.SectorsJson, Sha256 = b.Sha256, Size = b.Size, Bytes = Array.Empty<byte>(),
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : Info(row);
    }

    public async Task<BulletinDocumentBytes?> DocumentAsync(string id, CancellationToken ct) =>
        await db.Bulletins.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new BulletinDocumentBytes(b.RoundId, b.Sha256, b.Bytes))
            .SingleOrDefaultAsync(ct);

    private static BulletinInfo Info(StoredBulletin row) => new(
        row.Id, row.RoundId, row.DocumentNumber, row.CreatedAt, row.CreatedBy, row.DemandCount,
        JsonSerializer.Deserialize<List<SectorCount>>(row.SectorsJson, StorageJson.Options) ?? [],
        row.Sha256, row.Size);

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
