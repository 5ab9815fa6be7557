using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Agreements;

/// <summary>Agreements in <see cref="DocsDbContext"/>.</summary>
public sealed class AgreementStore(DocsDbContext db, TimeProvider time) : IAgreementStore
{
    public async Task<string?> IdForApplicationAsync(string applicationId, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().Where(a => a.ApplicationId == applicationId).Select(a => a.Id).SingleOrDefaultAsync(ct);

    public async Task<int> LatestVersionAsync(string id, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().Where(a => a.Id == id).Select(a => a.LatestVersion).SingleOrDefaultAsync(ct);

    public async Task<AgreementVersionInfo> AddVersionAsync(NewAgreementVersion v, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(v);
        // Microseconds are what PostgreSQL keeps: truncate so the answer equals a later read.
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == v.AgreementId, ct);
        if (agreement is null)
        {
            agreement = new StoredAgreement
            {
                Id = v.AgreementId, ApplicationId = v.ApplicationId, RoundId = v.RoundId, DemandId = v.DemandId,
                CreditCode = v.CreditCode, OrganisationName = v.OrganisationName, LatestVersion = 0, CreatedAt = now,
            };
            db.Agreements.Add(agreement);
        }

        agreement.LatestVersion++;
        var row = new StoredAgreementVersion
        {
            AgreementId = v.AgreementId, Version = agreement.LatestVersion, ApplicationVersion = v.ApplicationVersion, CreatedAt = now,
            CreatedBy = v.Actor.Id, PartyCount = v.PartyCount, DocxSha256 = Convert.ToHexStringLower(SHA256.HashData(v.Docx)), Docx = v.Docx,
        };
        db.AgreementVersions.Add(row);
        db.AuditEntries.Add(Audit.Audit.Entry(now, v.Actor, "agreement.generate", "agreement", v.AgreementId,
            new { row.Version, v.ApplicationId, v.ApplicationVersion, row.DocxSha256, v.PartyCount }));
        // The unique application index makes a concurrent first generation for the same application fail here, not duplicate.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Info(agreement, row);
    }

    public async Task<AgreementFiles?> FilesAsync(string id, int? version, string? creditCode, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && (creditCode == null || a.CreditCode == creditCode), ct);
        if (agreement is null)
        {
            return null;
        }

        var wanted = version ?? agreement.LatestVersion;
        var row = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(r => r.AgreementId == id && r.Version == wanted, ct);
        return row is null ? null : new AgreementFiles(Info(agreement, row), row.Docx, row.SignedPdf);
    }

    public async Task<byte[]> KeepSignedPdfAsync(string id, int version, byte[] signedPdf, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signedPdf);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(signedPdf));
        // A conditional update: the first signature stored wins, so concurrent downloads never replace a PDF already handed out.
        var stored = await db.AgreementVersions
            .Where(r => r.AgreementId == id && r.Version == version && r.SignedPdf == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SignedPdf, signedPdf).SetProperty(r => r.PdfSha256, sha), ct);
        if (stored == 1)
        {
            db.AuditEntries.Add(Audit.Audit.Entry(time.GetUtcNow(), actor, "agreement.sign", "agreement", id, new { version, pdfSha256 = sha }));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await db.AgreementVersions.AsNoTracking().Where(r => r.AgreementId == id && r.Version == version).Select(r => r.SignedPdf!).SingleAsync(ct);
    }

    public async Task<IReadOnlyList<AgreementVersionInfo>> RegisterAsync(string? roundId, string? creditCode, CancellationToken ct)
    {
        var rows = await (from a in db.Agreements.AsNoTracking()
                          where (roundId == null || a.RoundId == roundId) && (creditCode == null || a.CreditCode == creditCode)
                          join v in db.AgreementVersions.AsNoTracking() on new { a.Id, V = a.LatestVersion } equals new { Id = v.AgreementId, V = v.Version }
                          select new { a, v.Version, v.ApplicationVersion, v.CreatedAt, v.CreatedBy, v.PartyCount, v.DocxSha256, Signed = v.SignedPdf != null })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.a.DemandId, StringComparer.Ordinal).ThenBy(r => r.a.Id, StringComparer.Ordinal)
            .Select(r => new AgreementVersionInfo(r.a.Id, r.Version, r.a.ApplicationId, r.ApplicationVersion, r.a.RoundId, r.a.DemandId, r.a.CreditCode,
                r.a.OrganisationName, r.PartyCount, r.CreatedAt, r.CreatedBy, r.DocxSha256, r.Signed))];
    }

    public async Task<bool> IsRegisteredAsync(string id, string docxSha256, CancellationToken ct) =>
        await db.AgreementVersions.AsNoTracking().AnyAsync(r => r.AgreementId == id && r.DocxSha256 == docxSha256, ct);

    private static AgreementVersionInfo Info(StoredAgreement a, StoredAgreementVersion v) => new(
        a.Id, v.Version, a.ApplicationId, v.ApplicationVersion, a.RoundId, a.DemandId, a.CreditCode, a.OrganisationName,
        v.PartyCount, v.CreatedAt, v.CreatedBy, v.DocxSha256, v.SignedPdf is not null);
}
