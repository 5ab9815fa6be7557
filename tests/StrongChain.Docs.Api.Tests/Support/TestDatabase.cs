using Microsoft.Data.Sqlite;
using Npgsql;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>A throwaway store for one service host: a temp SQLite file, or a new database on the test PostgreSQL server.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>When set (an Npgsql connection string to a server the tests may create databases on), tests run on PostgreSQL.</summary>
    public const string PostgresVariable = "STRONGCHAIN_TEST_POSTGRES";

    private TestDatabase(string? sqliteFile, string? postgres, string? postgresAdmin, string directory)
    {
        SqliteFile = sqliteFile;
        Postgres = postgres;
        PostgresAdmin = postgresAdmin;
        Directory = directory;
    }

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string? SqliteFile { get; }

    public string? Postgres { get; }

    private string? PostgresAdmin { get; }

    /// <summary>A temp folder of this store (data folder for keys and files).</summary>
    public string Directory { get; }

    public IReadOnlyDictionary<string, string> Settings => Postgres is null
        ? new Dictionary<string, string> { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite"] = SqliteFile!, ["Storage:DataDirectory"] = Directory }
        : new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = Postgres, ["Storage:DataDirectory"] = Directory };

    public static TestDatabase Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "strongchain-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return new TestDatabase(Path.Combine(directory, "strongchain.db"), null, null, directory);
        }

        var name = "sc_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(null, builder.ConnectionString, admin, directory);
    }

    public void Dispose()
    {
        if (Postgres is not null && PostgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var connection = new NpgsqlConnection(PostgresAdmin);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Postgres).Database}\" WITH (FORCE)";
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The cluster is thrown away at the end of the run anyway.
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process: the temp folder is cleaned by the OS.
        }
    }
}
