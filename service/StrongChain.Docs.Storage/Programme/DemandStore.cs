using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Programme;

/// <summary>Rounds and demands in <see cref="DocsDbContext"/>.</summary>
public sealed class DemandStore(DocsDbContext db, TimeProvider time, SqliteCheckpointer checkpointer) : IDemandStore
{
    /// <summary>Rows from which an import leaves the WAL checkpoint to <see cref="SqliteCheckpointer"/> instead of its own commit.</summary>
    public const int BulkRows = 1_000;

    public async Task<int> UpsertRoundDemandsAsync(string roundId, IReadOnlyList<Demand> demands, Actor actor, CancellationToken ct)
    {
        // Held open across the commit (EF would close it there), so a bulk import puts the connection's checkpoint setting
        // back before the connection returns to the pool.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await UpsertOpenAsync(roundId, demands, actor, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> UpsertOpenAsync(string roundId, IReadOnlyList<Demand> demands, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(actor);
        if (demands.FirstOrDefault(d => d.RoundId != roundId) is { } stray)
        {
            throw new InvalidOperationException($"Demand {stray.Id} names round {stray.RoundId}, not {roundId}.");
        }

        if (demands.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Demand {twice.Key} is listed twice.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct))
        {
            throw new KeyNotFoundException($"There is no round '{roundId}'.");
        }

        // One query for the rows these ids already have (any round), untracked: the writes below are batched SQL, not
        // 10,000 tracked entities (EF's change tracking and per-entity commands took ~840 ms for 5,000 demands).
        var ids = demands.Select(d => d.Id).ToList();
        var existing = await db.Demands.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.Id)).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, ct);
        var now = time.GetUtcNow().ToUniversalTime();
        var inserts = new List<StoredDemand>();
        var updates = new List<StoredDemand>();
        var audit = new List<AuditRow>();
        for (var i = 0; i < demands.Count; i++)
        {
            var demand = demands[i];
            if (!existing.TryGetValue(demand.Id, out var row))
            {
                inserts.Add(demand.ToRow(i));
                // The detail (the whole demand) is serialised as the row is written, not held as 5,000 strings.
                audit.Add(new AuditRow(Audit.Audit.Entry(now, actor, "demand.create", "demand", demand.Id), demand));
                continue;
            }

            if (row.RoundId != roundId)
            {
                throw new InvalidOperationException($"Demand {demand.Id} belongs to round {row.RoundId}, not {roundId}.");
            }

            var before = row.ToDomain();
            if (before == demand && row.Position == i)
            {
                continue;
            }

            updates.Add(demand.ToRow(i));
            if (before.ReviewStatus != demand.ReviewStatus)
            {
                audit.Add(new AuditRow(Audit.Audit.Entry(now, actor, "demand.review-status", "demand", demand.Id,
                    new { from = before.ReviewStatus, to = demand.ReviewStatus })));
            }

            if (before with { ReviewStatus = demand.ReviewStatus } != demand)
            {
                audit.Add(new AuditRow(Audit.Audit.Entry(now, actor, "demand.update", "demand", demand.Id, new { before, after = demand })));
            }
        }

        var connection = db.Database.GetDbConnection();
        var sql = new DemandRowsSql(connection, transaction.GetDbTransaction());
        var details = sql.SerialiseDetails(audit);
        await sql.InsertAsync(inserts, ct);
        await sql.UpdateAsync(updates, ct);
        await sql.InsertAuditAsync(audit, details, ct);
        var bulk = checkpointer.Enabled && inserts.Count + updates.Count + audit.Count >= BulkRows;
        var autoCheckpoint = bulk ? await AutoCheckpointAsync(connection, transaction.GetDbTransaction(), null) : 0;
        try
        {
            await transaction.CommitAsync(ct);
        }
        finally
        {
            if (bulk)
            {
                // The pooled connection gets its setting back whatever happened; then the log is copied after the response.
                await AutoCheckpointAsync(connection, null, autoCheckpoint);
            }
        }

        if (bulk)
        {
            checkpointer.Request();
        }

        return demands.Count;
    }

    public async Task<IReadOnlyList<Round>> RoundsAsync(CancellationToken ct) =>
        [.. (await db.Rounds.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(r => r.ToDomain())];

    public async Task<Round?> FindRoundAsync(string id, CancellationToken ct) =>
        (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct))?.ToDomain();

    public async Task<IReadOnlyList<Demand>> DemandsAsync(string? roundId, string? status, CancellationToken ct)
    {
        var query = db.Demands.AsNoTracking();
        if (roundId is not null)
        {
            query = query.Where(d => d.RoundId == roundId);
        }

        if (status is not null)
        {
            query = query.Where(d => d.ReviewStatus == status);
        }

        var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.Id, r.Position }).ToDictionaryAsync(r => r.Id, r => r.Position, ct);
        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(d => rounds.GetValueOrDefault(d.RoundId)).ThenBy(d => d.RoundId, StringComparer.Ordinal).ThenBy(d => d.Position).Select(d => d.ToDomain())];
    }

    public async Task<Demand?> FindDemandAsync(string id, CancellationToken ct) =>
        (await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct))?.ToDomain();

    public async Task<IReadOnlyDictionary<string, string>> RoundsOfDemandsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return await db.Demands.AsNoTracking().Where(d => EF.Parameter(wanted).Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.RoundId, StringComparer.Ordinal, ct);
    }

    public async Task<Demand?> SetReviewStatusAsync(string id, string reviewStatus, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Demands.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var before = row.ToDomain();
        if (before.ReviewStatus != reviewStatus)
        {
            row.CopyFrom(before with { ReviewStatus = reviewStatus });
            db.AuditEntries.Add(Audit.Audit.Entry(time.GetUtcNow(), actor, "demand.review-status", "demand", id,
                new { from = before.ReviewStatus, to = reviewStatus }));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return row.ToDomain();
    }

    public async Task EnsureRoundAsync(Round round, bool updateExisting, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Rounds.FirstOrDefaultAsync(r => r.Id == round.Id, ct);
        var now = time.GetUtcNow();
        if (row is null)
        {
            var position = await db.Rounds.CountAsync(ct);
            db.Rounds.Add(round.ToRow(position));
            db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "round.create", "round", round.Id, round));
        }
        else if (updateExisting && row.ToDomain() is var before && !SameSettings(before, round))
        {
            row.CopyFrom(round);
            db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "round.update", "round", round.Id, new { before, after = round }));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Reads this connection's <c>wal_autocheckpoint</c> and sets it to 0, or puts <paramref name="restore"/> back.</summary>
    private static async Task<int> AutoCheckpointAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, int? restore)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (restore is { } pages)
        {
            command.CommandText = $"PRAGMA wal_autocheckpoint={pages.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            return pages;
        }

        command.CommandText = "PRAGMA wal_autocheckpoint;";
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        return current;
    }

    private static bool SameSettings(Round a, Round b) =>
        a with { Sectors = [] } == b with { Sectors = [] } && a.Sectors.SequenceEqual(b.Sectors);
}
