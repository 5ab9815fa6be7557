using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Consortia;

/// <summary>Consortia and round targets in <see cref="DocsDbContext"/>.</summary>
public sealed class ConsortiumStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IConsortiumStore
{
    public async Task<bool> FormAsync(Consortium consortium, byte[] signedFile, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        ArgumentNullException.ThrowIfNull(signedFile);
        ArgumentNullException.ThrowIfNull(actor);
        var sha = Convert.ToHexStringLower(SHA256.HashData(signedFile));
        if (sha != consortium.SignedCopy.Sha256 || signedFile.LongLength != consortium.SignedCopy.Size)
        {
            throw new ArgumentException("The signed copy's facts do not describe the file.", nameof(signedFile));
        }

        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Consortia.AnyAsync(c => c.AgreementId == consortium.AgreementId, ct))
        {
            return false;
        }

        db.Consortia.Add(ToRow(consortium, signedFile));
        // The countersigned file goes to the archive like every submission (outbox: a Graph outage only delays it).
        db.OutboxItems.AddRange(Outbox.OutboxRows.From(
            Domain.Outbox.OutboxPlan.ForConsortium(consortium.Id, consortium.RoundId, consortium.DemandId, consortium.SignedCopy.FileName), consortium.SignedCopy.SignedAt));
        db.AuditEntries.Add(Audit.Audit.Entry(consortium.SignedCopy.SignedAt, actor, "consortium.form", "consortium", consortium.Id,
            new { consortium.AgreementId, consortium.AgreementVersion, signedSha256 = sha, size = signedFile.LongLength, consortium.Funding.SupportAmount }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request formed it between our check and our insert: the unique index kept one.
            await transaction.RollbackAsync(ct);
            if (await AlreadyFormedAsync(consortium.AgreementId, ct))
            {
                return false;
            }

            throw;
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public async Task<string?> IdForAgreementAsync(string agreementId, CancellationToken ct) =>
        await db.Consortia.AsNoTracking().Where(c => c.AgreementId == agreementId).Select(c => c.Id).SingleOrDefaultAsync(ct);

    public async Task<Consortium?> FindAsync(string id, string? creditCode, CancellationToken ct)
    {
        var row = await Rows().SingleOrDefaultAsync(c => c.Id == id, ct);
        return row is null ? null : Visible(FromRow(row), creditCode);
    }

    public async Task<IReadOnlyList<Consortium>> ListAsync(string? roundId, string? creditCode, CancellationToken ct)
    {
        var rows = await Rows().Where(c => roundId == null || c.RoundId == roundId).ToListAsync(ct);
        return [.. rows.Select(FromRow).Select(c => Visible(c, creditCode)).OfType<Consortium>()
            .OrderBy(c => c.RoundId, StringComparer.Ordinal).ThenBy(c => c.DemandId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<(SignedCopy Copy, byte[] Bytes)?> SignedFileAsync(string id, string? creditCode, CancellationToken ct)
    {
        var consortium = await FindAsync(id, creditCode, ct);
        if (consortium is null)
        {
            return null;
        }

        var bytes = await db.Consortia.AsNoTracking().Where(c => c.Id == id).Select(c => c.SignedFile).SingleAsync(ct);
        return (consortium.SignedCopy, bytes);
    }

    public async Task<string?> ApplicationRecordJsonAsync(string applicationId, int version, CancellationToken ct) =>
        await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == applicationId && v.Version == version)
            .Select(v => v.RecordJson).SingleOrDefaultAsync(ct);

    public async Task<RoundTargets> TargetsAsync(string roundId, CancellationToken ct)
    {
        var row = await db.RoundTargets.AsNoTracking().SingleOrDefaultAsync(t => t.RoundId == roundId, ct);
        return row is null ? RoundTargets.Default(roundId) : new RoundTargets(row.RoundId, row.ConsortiumTarget, row.SupportBudget);
    }

    public async Task<RoundTargets> SetTargetsAsync(RoundTargets targets, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(actor);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().ToUniversalTime();
        var row = await db.RoundTargets.SingleOrDefaultAsync(t => t.RoundId == targets.RoundId, ct);
        var before = row is null ? null : new { row.ConsortiumTarget, row.SupportBudget };
        if (row is null)
        {
            row = new StoredRoundTargets { RoundId = targets.RoundId, UpdatedBy = actor.Id };
            db.RoundTargets.Add(row);
        }

        row.ConsortiumTarget = targets.ConsortiumTarget;
        row.SupportBudget = targets.SupportBudget;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Id;
        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "round.targets", "round", targets.RoundId,
            new { from = before, to = new { targets.ConsortiumTarget, targets.SupportBudget } }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return targets;
    }

    private async Task<bool> AlreadyFormedAsync(string agreementId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Consortia.AsNoTracking().AnyAsync(c => c.AgreementId == agreementId, ct);
    }

    /// <summary>Every column but the file's bytes, which only the download reads.</summary>
    private IQueryable<StoredConsortium> Rows() => db.Consortia.AsNoTracking().Select(c => new StoredConsortium
    {
        Id = c.Id, AgreementId = c.AgreementId, AgreementVersion = c.AgreementVersion, ApplicationId = c.ApplicationId,
        ApplicationVersion = c.ApplicationVersion, RoundId = c.RoundId, DemandId = c.DemandId, DemandTitle = c.DemandTitle, Sector = c.Sector,
        LeadCreditCode = c.LeadCreditCode, LeadName = c.LeadName, AgreedBudget = c.AgreedBudget, IssuerFunds = c.IssuerFunds,
        ApplicantFunds = c.ApplicantFunds, JointInvestment = c.JointInvestment, SupportRatio = c.SupportRatio, RequestedSupport = c.RequestedSupport,
        SupportAmount = c.SupportAmount, StartDate = c.StartDate, EndDate = c.EndDate, PartiesJson = c.PartiesJson, MilestonesJson = c.MilestonesJson,
        BudgetItemsJson = c.BudgetItemsJson, SignedFileName = c.SignedFileName, SignedContentType = c.SignedContentType, SignedSize = c.SignedSize,
        SignedSha256 = c.SignedSha256, SignedFile = Array.Empty<byte>(), SignedAt = c.SignedAt, SignedBy = c.SignedBy,
    });

    private static Consortium? Visible(Consortium c, string? creditCode) =>
        creditCode is null || c.Parties.Any(p => p.CreditCode == creditCode) ? c : null;

    private static StoredConsortium ToRow(Consortium c, byte[] file)
    {
        var lead = c.Parties.FirstOrDefault(p => p.Role == "乙方");
        return new StoredConsortium
        {
            Id = c.Id, AgreementId = c.AgreementId, AgreementVersion = c.AgreementVersion, ApplicationId = c.ApplicationId,
            ApplicationVersion = c.ApplicationVersion, RoundId = c.RoundId, DemandId = c.DemandId, DemandTitle = c.DemandTitle, Sector = c.Sector,
            LeadCreditCode = lead?.CreditCode ?? "", LeadName = lead?.Name ?? "", AgreedBudget = c.Funding.AgreedBudget,
            IssuerFunds = c.Funding.IssuerFunds, ApplicantFunds = c.Funding.ApplicantFunds, JointInvestment = c.Funding.JointInvestment,
            SupportRatio = c.Funding.SupportRatio, RequestedSupport = c.Funding.RequestedSupport, SupportAmount = c.Funding.SupportAmount,
            StartDate = c.Start, EndDate = c.End,
            PartiesJson = JsonSerializer.Serialize(c.Parties, StorageJson.Options),
            MilestonesJson = JsonSerializer.Serialize(c.Milestones, StorageJson.Options),
            BudgetItemsJson = JsonSerializer.Serialize(c.Funding.Items, StorageJson.Options),
            SignedFileName = c.SignedCopy.FileName, SignedContentType = c.SignedCopy.ContentType, SignedSize = c.SignedCopy.Size,
            SignedSha256 = c.SignedCopy.Sha256, SignedFile = file, SignedAt = c.SignedCopy.SignedAt.ToUniversalTime(), SignedBy = c.SignedCopy.SignedBy,
        };
    }

    private static Consortium FromRow(StoredConsortium r) => new(
        r.Id, r.AgreementId, r.AgreementVersion, r.ApplicationId, r.ApplicationVersion, r.RoundId, r.DemandId, r.DemandTitle, r.Sector,
        JsonSerializer.Deserialize<List<ConsortiumParty>>(r.PartiesJson, StorageJson.Options)!,
        new ConsortiumFunding(r.AgreedBudget, r.IssuerFunds, r.ApplicantFunds, r.JointInvestment, r.SupportRatio, r.RequestedSupport, r.SupportAmount,
            JsonSerializer.Deserialize<List<ConsortiumBudgetItem>>(r.BudgetItemsJson, StorageJson.Options)!),
        r.StartDate, r.EndDate,
        JsonSerializer.Deserialize<List<ConsortiumMilestone>>(r.MilestonesJson, StorageJson.Options)!,
        new SignedCopy(r.SignedFileName, r.SignedContentType, r.SignedSize, r.SignedSha256, r.SignedAt, r.SignedBy));
}
