using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Applications;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Real lock and full-store conditions on a test database, released when disposed.</summary>
public static class StoreFaults
{
    /// <summary>
    /// Another connection holds the write lock: SQLite <c>BEGIN EXCLUSIVE</c>, PostgreSQL <c>LOCK TABLE … IN EXCLUSIVE MODE</c>
    /// (readers go on, every writer waits).
    /// </summary>
    public static async Task<IAsyncDisposable> HoldWriteLockAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        DbConnection connection = database.Postgres is null
            ? new SqliteConnection($"Data Source={database.SqliteFile};Pooling=False")
            : new NpgsqlConnection(database.Postgres);
        return await HoldTransactionAsync(connection, database.Postgres is null
            ? "BEGIN EXCLUSIVE;"
            : """BEGIN; LOCK TABLE "Applications", "ReceiptCounters", "ApplicationVersions" IN EXCLUSIVE MODE;""");
    }

    /// <summary>
    /// Another submitter holds the demand's write turn: on SQLite the service's own <see cref="WriteGate"/>, on PostgreSQL the
    /// demand's advisory lock (<see cref="ApplicationStore.DemandQueueKey"/>) in another connection's transaction.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldSubmitTurnAsync(TestDatabase database, IServiceProvider services, string demandId)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Postgres is null)
        {
            var turn = await services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None);
            return new Release(() =>
            {
                turn.Dispose();
                return Task.CompletedTask;
            });
        }

        return await HoldTransactionAsync(new NpgsqlConnection(database.Postgres),
            string.Create(CultureInfo.InvariantCulture, $"BEGIN; SELECT pg_advisory_xact_lock({ApplicationStore.DemandQueueKey(demandId)});"));
    }

    /// <summary>Opens the connection and begins what <paramref name="begin"/> says; released by a rollback.</summary>
    private static async Task<IAsyncDisposable> HoldTransactionAsync(DbConnection connection, string begin)
    {
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = begin;
            await command.ExecuteNonQueryAsync();
        }

        return new Release(async () =>
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK;";
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        });
    }

    /// <summary>
    /// The store refuses to grow. SQLite: every connection the service opens gets <c>max_page_count</c> = its current size, so the
    /// engine itself answers SQLITE_FULL. PostgreSQL: a trigger raises <c>disk_full</c> (53100), what the server says when its disk is full.
    /// </summary>
    public static async Task<IAsyncDisposable> FillAsync(TestDatabase database, SqliteSizeCap cap)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cap);
        if (database.Postgres is null)
        {
            cap.Armed = true;
            return new Release(() =>
            {
                cap.Armed = false;
                return Task.CompletedTask;
            });
        }

        await ExecutePostgresAsync(database.Postgres, """
            CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
            CREATE TRIGGER disk_full BEFORE INSERT ON "ApplicationVersions" FOR EACH ROW EXECUTE FUNCTION disk_full();
            """);
        return new Release(() => ExecutePostgresAsync(database.Postgres, """
            DROP TRIGGER disk_full ON "ApplicationVersions"; DROP FUNCTION disk_full();
            """));
    }

    private static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}

/// <summary>When armed, caps each SQLite connection the service opens at the database's current page count.</summary>
public sealed class SqliteSizeCap : DbConnectionInterceptor
{
    // SQLite clamps this to its compile-time maximum: "no cap".
    private const long NoCap = 4294967294;

    private bool _armed;

    public bool Armed
    {
        get => Volatile.Read(ref _armed);
        set => Volatile.Write(ref _armed, value);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count;";
        var pages = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA max_page_count = {(Armed ? pages : NoCap)};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();
}
