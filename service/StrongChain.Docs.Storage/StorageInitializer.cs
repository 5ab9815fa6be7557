using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace StrongChain.Docs.Storage;

/// <summary>Start-up work on the store: WAL for SQLite, then every pending migration of the provider in use.</summary>
public static class StorageInitializer
{
    /// <summary>The PostgreSQL advisory lock that lets one starting instance migrate at a time (any fixed number works).</summary>
    public const long MigrationLockKey = 0x5C_D0C5_2020;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the mode is stored in the file.
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(ct);
            await db.Database.MigrateAsync(ct);
            return;
        }

        // Npgsql's own migration lock still let two instances starting together both apply a pending migration
        // ("relation already exists"): a session advisory lock around the whole migration serialises them, and the
        // second then finds nothing pending.
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", gate))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
