using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Reports;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Reports;

/// <summary>Progress reports in <see cref="DocsDbContext"/>: versions are never changed, only added.</summary>
public sealed class ProgressReportStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IProgressReportStore
{
    /// <summary>The milestone's report id: <c>LHT-QL2020-BM-02-0001-M1</c>.</summary>
    public static string ReportId(string consortiumId, int milestoneNumber) =>
        $"{consortiumId}-M{milestoneNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The receipt of the consortium's n-th report upload (any milestone): <c>LHT-QL2020-BM-02-0001-R001</c>.</summary>
    public static string ReceiptNumber(string consortiumId, int sequence) =>
        $"{consortiumId}-R{sequence.ToString("000", CultureInfo.InvariantCulture)}";

    private const int MaxAttempts = 5;

    public async Task<ProgressReportReceipt> SubmitAsync(NewProgressReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SubmitOnceAsync(report, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && (StoreErrors.IsRetryable(e) || StoreErrors.IsUniqueViolation(e)))
            {
                // Another instance took the version or receipt number first (the write gate is per instance): retry whole.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), time, ct);
            }
        }
    }

    private async Task<ProgressReportReceipt> SubmitOnceAsync(NewProgressReport report, CancellationToken ct)
    {
        var c = report.Consortium;
        var id = ReportId(c.Id, report.MilestoneNumber);
        var sha = Convert.ToHexStringLower(SHA256.HashData(report.Bytes));
        var recordJson = JsonSerializer.Serialize(report.Record, StorageJson.Options);
        var findingsJson = JsonSerializer.Serialize(report.Findings, StorageJson.Options);
        var achieved = report.Record.Status == MilestoneStatus.Achieved ? report.Record.AchievedOn : null;

        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Microseconds are what PostgreSQL keeps: truncate so the receipt equals a later read.
        var now = time.GetUtcNow().ToUniversalTime();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var row = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            row = new StoredProgressReport { Id = id, ConsortiumId = c.Id, MilestoneNumber = report.MilestoneNumber, RoundId = c.RoundId };
            db.ProgressReports.Add(row);
        }

        // Receipts count the consortium's uploads; the writer gate serialises writers and the unique index backs it up.
        var reportIds = db.ProgressReports.Where(r => r.ConsortiumId == c.Id).Select(r => r.Id);
        var sequence = await db.ProgressReportVersions.CountAsync(v => reportIds.Contains(v.ReportId), ct) + 1;
        var receiptNo = ReceiptNumber(c.Id, sequence);
        var version = row.LatestVersion + 1;
        row.LatestVersion = version;
        row.AchievedOn = achieved;
        row.UpdatedAt = now;
        db.ProgressReportVersions.Add(new StoredProgressReportVersion
        {
            ReportId = id, Version = version, ReceiptNo = receiptNo, Sha256 = sha, Size = report.Bytes.LongLength, Bytes = report.Bytes,
            SubmittedAt = now, SubmittedBy = report.Actor.Id, Status = report.Record.Status is { } s ? JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null,
            AchievedOn = report.Record.AchievedOn, RecordJson = recordJson, FindingsJson = findingsJson,
            WarningCount = report.Findings.Count(f => f.Severity == Severity.Warning),
        });
        db.OutboxItems.AddRange(Outbox.OutboxRows.From(OutboxPlan.ForProgressReport(id, version, c.RoundId, c.DemandId, c.Id, report.MilestoneNumber, receiptNo), now));
        db.AuditEntries.Add(Audit.Audit.Entry(now, report.Actor, "report.submit", "progressReport", id,
            new { version, receiptNo, sha256 = sha, size = report.Bytes.LongLength, status = report.Record.Status, achievedOn = report.Record.AchievedOn }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ProgressReportReceipt(id, receiptNo, version, sha, report.Bytes.LongLength, now, report.Findings.Count(f => f.Severity == Severity.Warning));
    }

    public async Task<IReadOnlyDictionary<string, decimal>> SpendElsewhereAsync(string consortiumId, int milestoneNumber, CancellationToken ct)
    {
        var latest = await (from r in db.ProgressReports.AsNoTracking()
                            where r.ConsortiumId == consortiumId && r.MilestoneNumber != milestoneNumber
                            join v in db.ProgressReportVersions.AsNoTracking() on new { r.Id, V = r.LatestVersion } equals new { Id = v.ReportId, V = v.Version }
                            select v.RecordJson).ToListAsync(ct);
        var spend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var json in latest)
        {
            var record = JsonSerializer.Deserialize<ProgressReportRecord>(json, StorageJson.Options)!;
            foreach (var item in record.Spend.Where(s => s.Category is not null && s.Amount is not null))
            {
                spend[item.Category!] = spend.GetValueOrDefault(item.Category!) + item.Amount!.Value;
            }
        }

        return spend;
    }

    public async Task<ProgressReportHistory?> HistoryAsync(string consortiumId, int milestoneNumber, CancellationToken ct)
    {
        var id = ReportId(consortiumId, milestoneNumber);
        var versions = await db.ProgressReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.ReceiptNo, v.Sha256, v.Size, v.SubmittedAt, v.SubmittedBy, v.Status, v.AchievedOn, v.WarningCount, v.RecordJson, v.FindingsJson })
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }

        var latest = versions[^1];
        return new ProgressReportHistory(id, consortiumId, milestoneNumber,
            [.. versions.Select(v => new ProgressReportVersionInfo(v.Version, v.ReceiptNo, v.Sha256, v.Size, v.SubmittedAt, v.SubmittedBy, v.Status, v.AchievedOn, v.WarningCount))],
            JsonSerializer.Deserialize<ProgressReportRecord>(latest.RecordJson, StorageJson.Options)!,
            JsonSerializer.Deserialize<List<Finding>>(latest.FindingsJson, StorageJson.Options)!);
    }

    public async Task<ProgressReportFile?> FileAsync(string reportId, int version, CancellationToken ct) =>
        await (from v in db.ProgressReportVersions.AsNoTracking()
               join r in db.ProgressReports.AsNoTracking() on v.ReportId equals r.Id
               where v.ReportId == reportId && v.Version == version
               select new ProgressReportFile(r.Id, r.ConsortiumId, r.MilestoneNumber, v.Version, v.ReceiptNo, v.Sha256, v.Bytes)).SingleOrDefaultAsync(ct);
}
