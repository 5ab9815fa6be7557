namespace StrongChain.Docs.Storage;

/// <summary>
/// One writer at a time into SQLite, waited for asynchronously and in arrival order. SQLite takes one writer anyway, but a
/// writer that finds the lock taken sleeps its thread in SQLite's busy handler in growing steps (up to 100 ms), so under
/// concurrent submits the unlucky ones waited far longer than the queue was. PostgreSQL needs no gate: row locks
/// serialise only what conflicts. Writers that do not take the gate (rare staff actions) still meet SQLite's busy timeout.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _gate;
    private readonly TimeSpan _timeout;
    private int _waiting;

    public WriteGate(StorageProvider provider, int busyTimeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _gate = provider.IsSqlite ? new SemaphoreSlim(1, 1) : null;
        _timeout = TimeSpan.FromSeconds(busyTimeoutSeconds);
    }

    /// <summary>Waits for the store's write turn; a wait longer than the busy timeout is a <see cref="TimeoutException"/> (503, as a locked store).</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_gate is null)
        {
            return default;
        }

        Interlocked.Increment(ref _waiting);
        bool entered;
        try
        {
            entered = await _gate.WaitAsync(_timeout, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (!entered)
        {
            throw new TimeoutException($"No write turn within {_timeout.TotalSeconds:0} s.");
        }

        return new Turn(_gate);
    }

    /// <summary>Writers queued for a turn now (tests and diagnostics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Dispose() => _gate?.Dispose();

    /// <summary>The held turn; disposing it lets the next writer in.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
