using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StrongChain.Docs.Storage;

/// <summary>
/// Copies the SQLite write-ahead log into the database file after a bulk write, on a background task rather than inside
/// the request that committed it. The commit itself is durable before (synchronous=FULL syncs the log); the checkpoint is
/// maintenance, which SQLite otherwise runs in whichever commit first finds the log over 1,000 pages: for a 5,000-demand
/// import that was ~20 ms of the response (7 MB copied and synced). One checkpoint at a time; disposing waits for it.
/// </summary>
public sealed class SqliteCheckpointer(StorageProvider provider, ILogger<SqliteCheckpointer>? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<SqliteCheckpointer>.Instance;
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;
    private bool _again;
    private bool _disposed;

    /// <summary>Whether bulk writers should leave the checkpoint to <see cref="Request"/> (SQLite only).</summary>
    public bool Enabled => provider.IsSqlite;

    /// <summary>Starts a passive checkpoint soon (or once more after the running one); never blocks the caller.</summary>
    public void Request()
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!_running.IsCompleted)
            {
                _again = true;
                return;
            }

            _running = Task.Run(Run);
        }
    }

    /// <summary>The checkpoint now running, if any (tests wait for it).</summary>
    public Task Pending
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                using var connection = new SqliteConnection(provider.ConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                // PASSIVE: copies what no reader still needs, never waits for or blocks writers.
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
            {
                // The next commit over the threshold checkpoints anyway; nothing is lost.
                _logger.LogWarning(e, "Background WAL checkpoint failed.");
            }

            lock (_gate)
            {
                if (!_again || _disposed)
                {
                    return;
                }

                _again = false;
            }
        }
    }

    public void Dispose()
    {
        Task running;
        lock (_gate)
        {
            _disposed = true;
            running = _running;
        }

        // Bounded: a checkpoint of a large log takes tens of milliseconds.
        running.Wait(TimeSpan.FromSeconds(10));
    }
}
