using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Storage.Outbox;

/// <summary>
/// The outbox in <see cref="DocsDbContext"/>. A claim is one <c>UPDATE … WHERE lease expired … RETURNING</c>: on SQLite
/// writers are serialised, on PostgreSQL the second of two concurrent claims re-reads the row after the first commits and
/// no longer matches, so each item has at most one live holder across instances (no in-process lock is relied on).
/// </summary>
public sealed class OutboxStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IOutboxStore
{
    private const string ClaimSql = """
        UPDATE "OutboxItems" SET "ClaimedBy" = @owner, "LeaseUntil" = @leaseUntil, "Attempts" = "Attempts" + 1
        WHERE "Id" = (
            SELECT "Id" FROM "OutboxItems"
            WHERE "Status" = @pending AND "DueAt" <= @now AND ("LeaseUntil" IS NULL OR "LeaseUntil" < @now)
            ORDER BY "DueAt", "Id" LIMIT 1)
          AND "Status" = @pending AND ("LeaseUntil" IS NULL OR "LeaseUntil" < @now)
        RETURNING "Id", "Kind", "EntityId", "Version", "Target", "Attempts"
        """;

    public async Task<ClaimedOutboxItem?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken ct)
    {
        // A claim lost to another instance between the select and the update matches no row: look again, a few times.
        for (var round = 0; round < 5; round++)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var due = await db.OutboxItems.AsNoTracking()
                .AnyAsync(i => i.Status == OutboxStatus.Pending && i.DueAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now), ct);
            if (!due)
            {
                return null;
            }

            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(ct);
            }

            try
            {
                using var turn = await gate.EnterAsync(ct);
                await using var command = RawSql.Command(connection, null, ClaimSql,
                    ("owner", owner), ("leaseUntil", now + (long)lease.TotalMilliseconds), ("pending", OutboxStatus.Pending), ("now", now));
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    return new ClaimedOutboxItem(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetString(4), reader.GetInt32(5));
                }
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }

        return null;
    }

    public async Task<bool> CompleteAsync(string id, string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var turn = await gate.EnterAsync(ct);
        return await db.OutboxItems.Where(i => i.Id == id && i.ClaimedBy == owner && i.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, OutboxStatus.Done)
                .SetProperty(i => i.CompletedAt, now)
                .SetProperty(i => i.LeaseUntil, (long?)null)
                .SetProperty(i => i.LastError, (string?)null), ct) == 1;
    }

    public async Task<bool> RenewAsync(string id, string owner, TimeSpan lease, CancellationToken ct)
    {
        var until = time.GetUtcNow().ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds;
        using var turn = await gate.EnterAsync(ct);
        return await db.OutboxItems.Where(i => i.Id == id && i.ClaimedBy == owner && i.Status == OutboxStatus.Pending && i.LeaseUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, (long?)until), ct) == 1;
    }

    public async Task<bool> RetryLaterAsync(string id, string owner, DateTimeOffset dueAt, string error, CancellationToken ct)
    {
        var due = dueAt.ToUnixTimeMilliseconds();
        var message = Truncate(error);
        using var turn = await gate.EnterAsync(ct);
        return await db.OutboxItems.Where(i => i.Id == id && i.ClaimedBy == owner && i.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.DueAt, due)
                .SetProperty(i => i.LeaseUntil, (long?)null)
                .SetProperty(i => i.LastError, message), ct) == 1;
    }

    public async Task<bool> FailAsync(string id, string owner, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var message = Truncate(error);
        using var turn = await gate.EnterAsync(ct);
        return await db.OutboxItems.Where(i => i.Id == id && i.ClaimedBy == owner && i.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, OutboxStatus.Failed)
                .SetProperty(i => i.CompletedAt, now)
                .SetProperty(i => i.LeaseUntil, (long?)null)
                .SetProperty(i => i.LastError, message), ct) == 1;
    }

    public async Task<OutboxOverview> OverviewAsync(string? status, int limit, CancellationToken ct)
    {
        var counts = await db.OutboxItems.AsNoTracking().GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var items = db.OutboxItems.AsNoTracking();
        if (status is not null)
        {
            items = items.Where(i => i.Status == status);
        }

        var rows = await items.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Take(limit).ToListAsync(ct);
        return new OutboxOverview(
            counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Done), counts.GetValueOrDefault(OutboxStatus.Failed),
            [.. rows.Select(r => new OutboxItemInfo(r.Id, r.Kind, r.EntityId, r.Version, r.Target, r.Status, r.Attempts,
                DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(r.DueAt),
                r.CompletedAt is { } done ? DateTimeOffset.FromUnixTimeMilliseconds(done) : null, r.LastError))]);
    }

    public async Task<SubmissionForDelivery?> SubmissionAsync(string applicationId, int version, CancellationToken ct) =>
        await (from v in db.ApplicationVersions.AsNoTracking()
               join a in db.Applications on v.ApplicationId equals a.Id
               join d in db.Demands on a.DemandId equals d.Id
               join r in db.Rounds on a.RoundId equals r.Id
               where v.ApplicationId == applicationId && v.Version == version
               select new SubmissionForDelivery(a.Id, v.Version, a.RoundId, a.DemandId, d.Title, a.CreditCode, a.OrganisationName,
                   v.ReceiptNo, v.Sha256, v.Size, v.SubmittedAt, r.TimeZone, v.Complete, v.Eligible, v.RecordJson, v.FindingsJson, v.Bytes))
            .SingleOrDefaultAsync(ct);

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
