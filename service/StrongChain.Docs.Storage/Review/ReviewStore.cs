using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Review;

public sealed class ReviewStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IReviewStore
{
    public async Task<IReadOnlyList<PanelMember>> PanelAsync(string demandId, CancellationToken ct) =>
        [.. (await db.PanelMembers.AsNoTracking().Where(m => m.DemandId == demandId).OrderBy(m => m.Id).ToListAsync(ct)).Select(ToDomain)];

    public async Task<IReadOnlyList<PanelMember>> AssignmentsAsync(string expertId, CancellationToken ct) =>
        [.. (await db.PanelMembers.AsNoTracking().Where(m => m.ExpertId == expertId).OrderBy(m => m.Id).ToListAsync(ct)).Select(ToDomain)];

    public async Task<bool> AssignAsync(PanelMember member, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.PanelMembers.AnyAsync(m => m.DemandId == member.DemandId && m.ExpertId == member.ExpertId, ct))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        db.PanelMembers.Add(new StoredPanelMember
        {
            DemandId = member.DemandId, ExpertId = member.ExpertId, Name = member.Name, Organisation = member.Organisation,
            OrganisationCreditCode = member.OrganisationCreditCode, Field = member.Field, AssignedAt = now, AssignedBy = actor.Id,
        });
        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "panel.assign", "demand", member.DemandId,
            new { member.ExpertId, member.Name, member.Organisation, member.OrganisationCreditCode, member.Field }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public async Task<bool> RemoveAsync(string demandId, string expertId, Actor actor, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.PanelMembers.FirstOrDefaultAsync(m => m.DemandId == demandId && m.ExpertId == expertId, ct);
        if (row is null)
        {
            return false;
        }

        db.PanelMembers.Remove(row);
        db.AuditEntries.Add(Audit.Audit.Entry(time.GetUtcNow(), actor, "panel.remove", "demand", demandId, new { expertId }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public async Task<IReadOnlyList<ApplicationParties>> PartiesAsync(IReadOnlyCollection<string> demandIds, CancellationToken ct)
    {
        var ids = demandIds.ToList();
        var rows = await (from a in db.Applications.AsNoTracking()
                          join v in db.ApplicationVersions on new { a.Id, V = a.LatestVersion } equals new { Id = v.ApplicationId, V = v.Version }
                          where ids.Contains(a.DemandId)
                          select new { a.Id, a.DemandId, a.CreditCode, a.OrganisationName, v.ReceiptNo, v.RecordJson }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ReceiptNo, StringComparer.Ordinal)
            .Select(r => Parties(r.Id, r.DemandId, r.ReceiptNo, r.CreditCode, r.OrganisationName, r.RecordJson))];
    }

    public async Task<IReadOnlyList<PastAgreement>> AgreementsAsync(CancellationToken ct)
    {
        var rows = await (from g in db.Agreements.AsNoTracking()
                          join gv in db.AgreementVersions on new { Id = g.Id, V = g.LatestVersion } equals new { Id = gv.AgreementId, V = gv.Version }
                          join a in db.Applications on g.ApplicationId equals a.Id
                          join v in db.ApplicationVersions on new { a.Id, V = gv.ApplicationVersion } equals new { Id = v.ApplicationId, V = v.Version }
                          join d in db.Demands on g.DemandId equals d.Id
                          select new { g.Id, g.DemandId, d.Issuer, d.IssuerCreditCode, AppId = a.Id, a.CreditCode, a.OrganisationName, v.ReceiptNo, v.RecordJson })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PastAgreement(r.Id, r.DemandId, new Party(r.IssuerCreditCode, r.Issuer),
            Parties(r.AppId, r.DemandId, r.ReceiptNo, r.CreditCode, r.OrganisationName, r.RecordJson)))];
    }

    public async Task<Invitation?> InvitationAsync(string demandId, CancellationToken ct) =>
        await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.DemandId == demandId, ct) is { } row ? ToDomain(row) : null;

    public async Task<IReadOnlyDictionary<string, Invitation>> InvitationsAsync(IReadOnlyCollection<string>? demandIds, CancellationToken ct)
    {
        var rows = db.Invitations.AsNoTracking();
        if (demandIds is not null)
        {
            var ids = demandIds.ToList();
            rows = rows.Where(i => ids.Contains(i.DemandId));
        }

        return (await rows.ToListAsync(ct)).ToDictionary(r => r.DemandId, ToDomain, StringComparer.Ordinal);
    }

    public async Task SetInvitationAsync(string demandId, IReadOnlyList<string>? creditCodes, Actor actor, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().ToUniversalTime();
        var row = await db.Invitations.FirstOrDefaultAsync(i => i.DemandId == demandId, ct);
        if (creditCodes is null)
        {
            if (row is not null)
            {
                db.Invitations.Remove(row);
            }
        }
        else if (row is null)
        {
            db.Invitations.Add(new StoredInvitation { DemandId = demandId, CreditCodesJson = JsonSerializer.Serialize(creditCodes), UpdatedAt = now, UpdatedBy = actor.Id });
        }
        else
        {
            row.CreditCodesJson = JsonSerializer.Serialize(creditCodes);
            row.UpdatedAt = now;
            row.UpdatedBy = actor.Id;
        }

        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "demand.invitation", "demand", demandId, new { invitationOnly = creditCodes is not null, creditCodes }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task RecordReadsAsync(Actor actor, string action, IReadOnlyList<string> applicationIds, object? detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        if (applicationIds.Count == 0)
        {
            return;
        }

        using var turn = await gate.EnterAsync(ct);
        var now = time.GetUtcNow();
        db.AuditEntries.AddRange(applicationIds.Select(id => Audit.Audit.Entry(now, actor, action, "application", id, detail)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? entityId, string? action, int limit, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (entityId is not null)
        {
            entries = entries.Where(e => e.EntityId == entityId);
        }

        if (action is not null)
        {
            entries = entries.Where(e => e.Action == action);
        }

        return await entries.OrderByDescending(e => e.Id).Take(limit).ToListAsync(ct);
    }

    private static ApplicationParties Parties(string id, string demandId, string receiptNo, string creditCode, string name, string recordJson)
    {
        ApplicationRecord? record = null;
        try
        {
            record = JsonSerializer.Deserialize<ApplicationRecord>(recordJson, StorageJson.Options);
        }
        catch (JsonException)
        {
            // A record of an older shape: the lead applicant (from the application row) is still known.
        }

        IReadOnlyList<Party> co = record is null ? [] : [.. record.CoApplicants.Select(c => new Party(NormalizeOrNull(c.CreditCode), c.Name))];
        return new ApplicationParties(id, demandId, receiptNo, new Party(creditCode, name), co);
    }

    private static string? NormalizeOrNull(string? code) => string.IsNullOrWhiteSpace(code) ? null : UnifiedCreditCode.Normalize(code);

    private static PanelMember ToDomain(StoredPanelMember m) => new(m.DemandId, m.ExpertId, m.Name, m.Organisation, m.OrganisationCreditCode, m.Field);

    private static Invitation ToDomain(StoredInvitation i) => new(i.DemandId, JsonSerializer.Deserialize<string[]>(i.CreditCodesJson) ?? []);
}
