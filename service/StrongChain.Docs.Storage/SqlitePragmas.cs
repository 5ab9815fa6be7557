using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StrongChain.Docs.Storage;

/// <summary>
/// Per-connection SQLite settings: a commit is on disk before the 201 (synchronous=FULL also under WAL), and a writer that
/// finds the write lock taken waits in SQLite's own busy handler (retries after 1, 2, 5, 10… ms) for up to the busy timeout.
/// Without it Microsoft.Data.Sqlite retries a busy statement only every 150 ms, which made concurrent submits queue in
/// 150 ms steps.
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string _sql = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutSeconds * 1000};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}
