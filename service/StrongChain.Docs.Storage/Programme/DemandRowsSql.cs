using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Programme;

/// <summary>
/// Demand rows and their audit entries written inside the caller's transaction: on SQLite one statement prepared on the
/// raw handle and run per row (<see cref="SqliteStatement"/>), on PostgreSQL multi-row parameterised statements (quoted EF
/// column names, <c>@</c> parameters).
/// </summary>
internal sealed class DemandRowsSql(DbConnection connection, DbTransaction transaction)
{
    // Parameters per PostgreSQL statement: Npgsql binds by position, so fewer, larger statements mean fewer round trips.
    // (Microsoft.Data.Sqlite binds every parameter by name with a linear scan, which made 200 parameters its best; SQLite
    // now binds by position on the raw handle instead.)
    private const int ParameterBudget = 6_000;

    private static readonly string[] DemandColumns =
    [
        nameof(StoredDemand.Id), nameof(StoredDemand.RoundId), nameof(StoredDemand.Sector), nameof(StoredDemand.SubField),
        nameof(StoredDemand.Title), nameof(StoredDemand.Issuer), nameof(StoredDemand.IssuerCreditCode), nameof(StoredDemand.CoIssuers),
        nameof(StoredDemand.Summary), nameof(StoredDemand.Indicators), nameof(StoredDemand.DeadlineMonths), nameof(StoredDemand.Procurement),
        nameof(StoredDemand.CommittedVolume), nameof(StoredDemand.ContactName), nameof(StoredDemand.ContactPhone),
        nameof(StoredDemand.ReviewStatus), nameof(StoredDemand.Position),
    ];

    private static readonly string[] AuditColumns =
    [
        nameof(AuditEntry.At), nameof(AuditEntry.Actor), nameof(AuditEntry.Role), nameof(AuditEntry.Action),
        nameof(AuditEntry.Entity), nameof(AuditEntry.EntityId), nameof(AuditEntry.DetailJson),
    ];

    private static readonly string UpdateDemandSql =
        "UPDATE \"Demands\" SET " + string.Join(", ", DemandColumns.Skip(1).Select((c, i) => $"\"{c}\" = @p{i + 1}")) + " WHERE \"Id\" = @p0";

    public Task InsertAsync(IReadOnlyList<StoredDemand> rows, CancellationToken ct) => InsertRowsAsync("Demands", DemandColumns, rows, Values, ct);

    /// <summary>
    /// On SQLite, starts serialising the audit details (straight to UTF-8, no strings) on another thread, so the JSON of
    /// 5,000 demands is made while their rows are inserted; null elsewhere. Hand the result to <see cref="InsertAuditAsync"/>.
    /// </summary>
    public Task<SerialisedDetails>? SerialiseDetails(IReadOnlyList<AuditRow> rows) =>
        connection is SqliteConnection && rows.Any(r => r.Detail is not null) ? Task.Run(() => SerialisedDetails.Of(rows)) : null;

    /// <summary>Audit entries, with their details from <see cref="SerialiseDetails"/> when it was started.</summary>
    public async Task InsertAuditAsync(IReadOnlyList<AuditRow> rows, Task<SerialisedDetails>? details, CancellationToken ct)
    {
        if (connection is SqliteConnection sqliteConnection)
        {
            InsertAuditSqlite(sqliteConnection, rows, details is null ? null : await details);
            return;
        }

        foreach (var row in rows)
        {
            if (row.Detail is { } detail)
            {
                row.Entry.DetailJson = JsonSerializer.Serialize(detail, detail.GetType(), StorageJson.Options);
            }
        }

        await InsertRowsAsync("AuditEntries", AuditColumns, [.. rows.Select(r => r.Entry)], Values, ct);
    }

    /// <summary>One prepared UPDATE per changed row (a re-import changes few rows; unchanged ones are not written).</summary>
    public async Task UpdateAsync(IReadOnlyList<StoredDemand> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = Command(UpdateDemandSql, DemandColumns.Length);
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (await command.ExecuteNonQueryAsync(ct) != 1)
            {
                throw new InvalidOperationException($"Demand {row.Id} was not updated.");
            }
        }
    }

    private async Task InsertRowsAsync<T>(string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken ct)
    {
        if (connection is SqliteConnection sqliteConnection)
        {
            InsertRowsSqlite(sqliteConnection, table, columns, rows, values);
            return;
        }

        var perStatement = Math.Max(1, ParameterBudget / columns.Length);
        // One command per statement size, reused: SQLite keeps it prepared, so the SQL is parsed once, not per chunk.
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != columns.Length * count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = Command(InsertSql(table, columns, count), columns.Length * count);
                }

                for (var r = 0; r < count; r++)
                {
                    var row = values(rows[start + r]);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[(r * columns.Length) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static void InsertAuditSqlite(SqliteConnection sqliteConnection, IReadOnlyList<AuditRow> rows, SerialisedDetails? details)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var statement = new SqliteStatement(sqliteConnection, InsertOneSql("AuditEntries", AuditColumns));
        for (var i = 0; i < rows.Count; i++)
        {
            var (entry, detail) = rows[i];
            statement.Bind(1, entry.At);
            statement.Bind(2, entry.Actor);
            statement.Bind(3, entry.Role);
            statement.Bind(4, entry.Action);
            statement.Bind(5, entry.Entity);
            statement.Bind(6, entry.EntityId);
            if (detail is not null && details is not null)
            {
                statement.Bind(7, details[i]);
            }
            else
            {
                statement.Bind(7, entry.DetailJson);
            }

            statement.Run(1);
        }
    }

    private static string InsertOneSql(string table, string[] columns) =>
        new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture))).Append(')').ToString();

    /// <summary>SQLite: one statement prepared on the raw handle, bound by position and run once per row (no per-parameter name lookups).</summary>
    private static void InsertRowsSqlite<T>(SqliteConnection sqliteConnection, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var statement = new SqliteStatement(sqliteConnection, InsertOneSql(table, columns));
        foreach (var row in rows)
        {
            var value = values(row);
            for (var c = 0; c < value.Length; c++)
            {
                switch (value[c])
                {
                    case null:
                        statement.Bind(c + 1, (string?)null);
                        break;
                    case string text:
                        statement.Bind(c + 1, text);
                        break;
                    case int number:
                        statement.Bind(c + 1, number);
                        break;
                    case DateTimeOffset at:
                        statement.Bind(c + 1, at);
                        break;
                    default:
                        throw new InvalidOperationException($"No SQLite binding for {value[c]!.GetType()}.");
                }
            }

            statement.Run(1);
        }
    }

    private static string InsertSql(string table, string[] columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append(((r * columns.Length) + c).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private DbCommand Command(string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static object?[] Values(StoredDemand d) =>
    [
        d.Id, d.RoundId, d.Sector, d.SubField, d.Title, d.Issuer, d.IssuerCreditCode, d.CoIssuers, d.Summary, d.Indicators,
        d.DeadlineMonths, d.Procurement, d.CommittedVolume, d.ContactName, d.ContactPhone, d.ReviewStatus, d.Position,
    ];

    private static object?[] Values(AuditEntry a) => [a.At, a.Actor, a.Role, a.Action, a.Entity, a.EntityId, a.DetailJson];
}

/// <summary>An audit entry and, when not serialised yet, its detail (written as <see cref="AuditEntry.DetailJson"/>).</summary>
internal sealed record AuditRow(AuditEntry Entry, object? Detail = null);

/// <summary>The UTF-8 JSON of each audit row's detail, end to end in one buffer (a row without a detail is empty).</summary>
internal sealed class SerialisedDetails
{
    private readonly ArrayBufferWriter<byte> _json = new(1 << 16);
    private readonly int[] _ends;

    private SerialisedDetails(int count) => _ends = new int[count];

    public ReadOnlySpan<byte> this[int row] => _json.WrittenSpan[(row == 0 ? 0 : _ends[row - 1]).._ends[row]];

    public static SerialisedDetails Of(IReadOnlyList<AuditRow> rows)
    {
        var details = new SerialisedDetails(rows.Count);
        // The writer options JsonSerializer.Serialize uses for StorageJson.Options (not indented), so the text is the same.
        using var writer = new Utf8JsonWriter(details._json, new JsonWriterOptions { Encoder = StorageJson.Options.Encoder });
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Detail is { } detail)
            {
                writer.Reset(details._json);
                JsonSerializer.Serialize(writer, detail, detail.GetType(), StorageJson.Options);
                writer.Flush();
            }

            details._ends[i] = details._json.WrittenCount;
        }

        return details;
    }
}
