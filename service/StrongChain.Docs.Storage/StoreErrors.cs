using Microsoft.Data.Sqlite;
using Npgsql;

namespace StrongChain.Docs.Storage;

/// <summary>Which database errors mean "the store cannot take this now" (503 with Retry-After) rather than a bug.</summary>
public static class StoreErrors
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 13, 14, 15];

    // Serialization failure, deadlock: the whole transaction may be retried.
    private static readonly HashSet<string> PostgresRetryable = ["40001", "40P01"];

    /// <summary>The store is locked, full, unreachable or overloaded.</summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException s => SqliteUnavailable.Contains(s.SqliteErrorCode & 0xFF),
        PostgresException p => PostgresRetryable.Contains(p.SqlState)
            || p.SqlState == "55P03" // lock not available (lock_timeout)
            || p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || p.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (disk full, too many connections)
            || p.SqlState.StartsWith("57P", StringComparison.Ordinal), // admin shutdown, cannot connect now
        NpgsqlException n => n.IsTransient,
        TimeoutException => true,
        _ => false,
    });

    /// <summary>Worth retrying the transaction at once (PostgreSQL conflicts between instances).</summary>
    public static bool IsRetryable(Exception exception) => Chain(exception).Any(e => e is PostgresException p && PostgresRetryable.Contains(p.SqlState));

    /// <summary>A unique index refused a row another transaction committed first (SQLite constraint, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == "23505",
        _ => false,
    });

    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
