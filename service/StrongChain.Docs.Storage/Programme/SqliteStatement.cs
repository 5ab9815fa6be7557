using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace StrongChain.Docs.Storage.Programme;

/// <summary>
/// One statement prepared on the connection's own SQLite handle (so inside its open transaction), its parameters bound by
/// position and the statement reset after each run. Microsoft.Data.Sqlite looks every parameter up by name on every
/// execution and allocates a UTF-8 copy of each name and value; for 10,000 imported rows that was most of the store's time.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    /// <summary>The text Microsoft.Data.Sqlite (and so EF Core) writes for a <see cref="DateTimeOffset"/>.</summary>
    private const string DateTimeOffsetFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = ArrayPool<byte>.Shared.Rent(4096);
    private DateTimeOffset _lastTime;
    private string? _lastTimeText;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _utf8.Length)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            _utf8 = ArrayPool<byte>.Shared.Rent(length);
        }

        // SQLite copies the text (SQLITE_TRANSIENT), so the buffer is free again for the next value.
        var written = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written)));
    }

    public void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>A time as Microsoft.Data.Sqlite writes it; an import stamps every row with one time, so its text is kept.</summary>
    public void Bind(int index, DateTimeOffset value)
    {
        if (_lastTime != value || _lastTimeText is null || _lastTime.Offset != value.Offset)
        {
            _lastTime = value;
            _lastTimeText = value.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture);
        }

        Bind(index, _lastTimeText);
    }

    /// <summary>Runs the statement once with the bound values; it must change exactly <paramref name="expectedChanges"/> rows.</summary>
    public void Run(int expectedChanges)
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new InvalidOperationException($"SQLite step returned {rc}.");
        }

        if (raw.sqlite3_changes(_db) != expectedChanges)
        {
            throw new InvalidOperationException($"The statement changed {raw.sqlite3_changes(_db)} rows, not {expectedChanges}.");
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_utf8);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
