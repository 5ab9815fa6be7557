using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Applications;

/// <summary>
/// Applications in <see cref="DocsDbContext"/>. Version numbers and receipt sequences are advanced by single atomic
/// upserts (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>) inside the submitting transaction: the row lock they
/// take serialises concurrent submitters across service instances, and the unique indexes are the last guard.
/// </summary>
public sealed class ApplicationStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IApplicationStore
{
    public const string SubmittedStatus = "submitted";

    private const int MaxAttempts = 5;

    private const string UpsertApplicationSql = """
        INSERT INTO "Applications" ("Id", "DemandId", "RoundId", "CreditCode", "OrganisationName", "LatestVersion", "Status", "CreatedAt", "UpdatedAt")
        VALUES (@id, @demandId, @roundId, @creditCode, @name, 1, @status, @now, @now)
        ON CONFLICT ("DemandId", "CreditCode") DO UPDATE SET
            "LatestVersion" = "Applications"."LatestVersion" + 1,
            "OrganisationName" = excluded."OrganisationName",
            "Status" = excluded."Status",
            "UpdatedAt" = excluded."UpdatedAt"
        RETURNING "Id", "LatestVersion"
        """;

    private const string NextReceiptSql = """
        INSERT INTO "ReceiptCounters" ("DemandId", "LastSequence") VALUES (@demandId, 1)
        ON CONFLICT ("DemandId") DO UPDATE SET "LastSequence" = "ReceiptCounters"."LastSequence" + 1
        RETURNING "LastSequence"
        """;

    public async Task<SubmissionReceipt> SubmitAsync(NewSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(submission.Bytes));
        var recordJson = JsonSerializer.Serialize(submission.Record, StorageJson.Options);
        var findingsJson = JsonSerializer.Serialize(submission.Findings, StorageJson.Options);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SubmitOnceAsync(submission, sha256, recordJson, findingsJson, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && StoreErrors.IsRetryable(e))
            {
                // Serialization failures and deadlocks (PostgreSQL) are retried whole; nothing of the attempt was kept.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), time, ct);
            }
        }
    }

    private async Task<SubmissionReceipt> SubmitOnceAsync(NewSubmission s, string sha256, string recordJson, string findingsJson, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        // Offset 0 whatever the clock hands out: PostgreSQL timestamptz refuses any other offset.
        var now = time.GetUtcNow().ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        string id;
        int version;
        await using (var command = RawSql.Command(connection, dbTransaction, UpsertApplicationSql,
            ("id", Guid.NewGuid().ToString("N")), ("demandId", s.DemandId), ("roundId", s.RoundId), ("creditCode", s.CreditCode),
            ("name", s.OrganisationName), ("status", SubmittedStatus), ("now", now)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The application upsert returned no row.");
            }

            id = reader.GetString(0);
            version = reader.GetInt32(1);
        }

        if (db.Database.IsNpgsql())
        {
            // Submitters to one demand queue for its receipt counter in arrival order (PostgreSQL grants a lock queue
            // first come, first served); on the counter row itself every commit woke all waiters to race for it again.
            await using var queue = RawSql.Command(connection, dbTransaction, "SELECT pg_advisory_xact_lock(@key)", ("key", DemandQueueKey(s.DemandId)));
            await queue.ExecuteScalarAsync(ct);
        }

        int sequence;
        await using (var command = RawSql.Command(connection, dbTransaction, NextReceiptSql, ("demandId", s.DemandId)))
        {
            sequence = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        var receiptNo = ReceiptNumber(s.DemandId, sequence);
        db.ApplicationVersions.Add(new StoredApplicationVersion
        {
            ApplicationId = id,
            Version = version,
            ReceiptNo = receiptNo,
            Sha256 = sha256,
            Size = s.Bytes.LongLength,
            Bytes = s.Bytes,
            SubmittedAt = now,
            SubmittedBy = s.Actor.Id,
            RecordJson = recordJson,
            FindingsJson = findingsJson,
            Complete = s.Complete,
            Eligible = s.Eligible,
            ErrorCount = s.Findings.Count(f => f.Severity == Severity.Error),
            WarningCount = s.Findings.Count(f => f.Severity == Severity.Warning),
        });
        db.AuditEntries.Add(Audit.Audit.Entry(now, s.Actor, "application.submit", "application", id,
            new { version, receiptNo, sha256, size = s.Bytes.LongLength, s.DemandId, s.CreditCode }));
        // Archive and receipt mail are queued with the submission: kept if and only if the submission is.
        db.OutboxItems.AddRange(Outbox.OutboxRows.From(
            OutboxPlan.ForSubmission(id, version, s.RoundId, s.DemandId, s.CreditCode, receiptNo, s.Record.Applicant.ContactEmail), now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new SubmissionReceipt(id, receiptNo, version, sha256, now);
    }

    /// <summary>The PostgreSQL advisory lock key of a demand's submit queue: stable, the same in every instance.</summary>
    public static long DemandQueueKey(string demandId) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("receipt:" + demandId)));

    /// <summary><c>QL2020-BM-02-0001</c>: the demand id and a four-digit sequence per demand.</summary>
    public static string ReceiptNumber(string demandId, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{demandId}-{sequence:0000}");

    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(string? demandId, string? roundId, string? creditCode, CancellationToken ct)
    {
        var applications = db.Applications.AsNoTracking();
        if (demandId is not null)
        {
            applications = applications.Where(a => a.DemandId == demandId);
        }

        if (roundId is not null)
        {
            applications = applications.Where(a => a.RoundId == roundId);
        }

        if (creditCode is not null)
        {
            applications = applications.Where(a => a.CreditCode == creditCode);
        }

        var rows = await (from a in applications
                          join v in db.ApplicationVersions on new { a.Id, V = a.LatestVersion } equals new { Id = v.ApplicationId, V = v.Version }
                          select new { a, v.ReceiptNo, v.SubmittedAt, v.Complete, v.Eligible, v.ErrorCount, v.WarningCount })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => Summary(r.a, r.ReceiptNo, r.SubmittedAt, r.Complete, r.Eligible, r.ErrorCount, r.WarningCount))
            .OrderBy(s => s.RoundId, StringComparer.Ordinal).ThenBy(s => s.DemandId, StringComparer.Ordinal).ThenBy(s => s.ReceiptNo, StringComparer.Ordinal)];
    }

    public async Task<ApplicationDetail?> FindAsync(string id, string? creditCode, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || (creditCode is not null && application.CreditCode != creditCode))
        {
            return null;
        }

        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.ReceiptNo, v.Sha256, v.Size, v.SubmittedAt, v.SubmittedBy, v.Complete, v.Eligible, v.ErrorCount, v.WarningCount })
            .ToListAsync(ct);
        var latest = versions.Single(v => v.Version == application.LatestVersion);
        var json = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id && v.Version == application.LatestVersion)
            .Select(v => new { v.RecordJson, v.FindingsJson }).SingleAsync(ct);
        return new ApplicationDetail(
            Summary(application, latest.ReceiptNo, latest.SubmittedAt, latest.Complete, latest.Eligible, latest.ErrorCount, latest.WarningCount),
            json.RecordJson, json.FindingsJson,
            [.. versions.Select(v => new ApplicationVersionInfo(v.Version, v.ReceiptNo, v.Sha256, v.Size, v.SubmittedAt, v.SubmittedBy, v.Complete, v.Eligible, v.ErrorCount, v.WarningCount))]);
    }

    public async Task<DecisionOutcome> DecideAsync(string id, string decision, Actor actor, DecisionLetterFacts letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(letter);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return DecisionOutcome.UnknownApplication;
        }

        if (application.LatestVersion != letter.Version)
        {
            // A resubmission came in between: the letter would name a version the decision was not made on.
            return DecisionOutcome.VersionChanged;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var recordJson = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id && v.Version == application.LatestVersion)
            .Select(v => v.RecordJson).SingleAsync(ct);
        var record = JsonSerializer.Deserialize<ApplicationRecord>(recordJson, StorageJson.Options);
        var before = application.Status;
        application.Status = decision;
        application.UpdatedAt = now;
        // Queued with the decision: the applicant hears of it if and only if it was stored.
        var mail = Outbox.OutboxRows.From(OutboxPlan.ForDecision(id, application.LatestVersion, decision, record?.Applicant.ContactEmail), now).ToList();
        db.OutboxItems.AddRange(mail);
        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, DecisionAction, "application", id,
            new { from = before, to = decision, version = application.LatestVersion, mailItemId = mail.FirstOrDefault()?.Id, letter }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return DecisionOutcome.Decided;
    }

    public async Task<DecisionLetterFacts?> DecisionLetterAsync(string id, string? mailItemId, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id && e.Action == DecisionAction && e.DetailJson != null)
            .OrderByDescending(e => e.Id).Select(e => e.DetailJson!).ToListAsync(ct);
        foreach (var json in entries)
        {
            var detail = JsonSerializer.Deserialize<DecisionDetail>(json, StorageJson.Options);
            if (detail?.Letter is { } letter && (mailItemId is null || detail.MailItemId == mailItemId))
            {
                return letter;
            }

            if (mailItemId is null)
            {
                // The latest decision predates letters: an older letter would state an outdated decision.
                return null;
            }
        }

        return null;
    }

    private const string DecisionAction = "application.decision";

    /// <summary>The part of a decision's audit detail that the letter is regenerated from.</summary>
    private sealed record DecisionDetail(string? MailItemId, DecisionLetterFacts? Letter);

    public async Task<StoredDocument?> DocumentAsync(string id, int? version, string? creditCode, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || (creditCode is not null && application.CreditCode != creditCode))
        {
            return null;
        }

        var wanted = version ?? application.LatestVersion;
        return await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id && v.Version == wanted)
            .Select(v => new StoredDocument(v.ApplicationId, v.Version, v.ReceiptNo, v.Sha256, v.Bytes))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ApplicationForReview>> ForReviewAsync(string? roundId, CancellationToken ct)
    {
        var summaries = await ListAsync(null, roundId, null, ct);
        var ids = summaries.Select(s => s.Id).ToList();
        var records = await (from a in db.Applications.AsNoTracking()
                             join v in db.ApplicationVersions on new { a.Id, V = a.LatestVersion } equals new { Id = v.ApplicationId, V = v.Version }
                             where ids.Contains(a.Id)
                             select new { a.Id, v.RecordJson }).ToDictionaryAsync(r => r.Id, r => r.RecordJson, ct);
        return [.. summaries.Select(s => new ApplicationForReview(s, ReadRecord(records.GetValueOrDefault(s.Id))))];
    }

    private static ApplicationRecord? ReadRecord(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ApplicationRecord>(json, StorageJson.Options);
        }
        catch (JsonException)
        {
            // A record stored by an older shape still lists; its columns stay empty.
            return null;
        }
    }

    private static ApplicationSummary Summary(StoredApplication a, string receiptNo, DateTimeOffset submittedAt, bool complete, bool eligible, int errors, int warnings) =>
        new(a.Id, a.DemandId, a.RoundId, a.CreditCode, a.OrganisationName, a.Status, a.LatestVersion, receiptNo, submittedAt, complete, eligible, errors, warnings);
}
