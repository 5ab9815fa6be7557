using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>SQLite writers take turns in arrival order, without blocking a thread; PostgreSQL writers do not wait on the gate.</summary>
public sealed class WriteGateTests
{
    private static readonly StorageProvider Sqlite = new(StorageProvider.Sqlite, "Data Source=unused.db");
    private static readonly StorageProvider Postgres = new(StorageProvider.Postgres, "Host=unused");

    [Fact]
    public async Task Sqlite_writers_take_turns_one_at_a_time_in_arrival_order()
    {
        using var gate = new WriteGate(Sqlite, busyTimeoutSeconds: 5);
        var order = new List<int>();
        var inside = 0;
        var most = 0;
        var first = await gate.EnterAsync(CancellationToken.None);

        // EnterAsync queues the writer before it returns, so the calls below arrive in this order.
        var waiters = Enumerable.Range(1, 8).Select(n => (n, turn: gate.EnterAsync(CancellationToken.None))).ToList();
        Assert.Equal(8, gate.Waiting);
        Assert.All(waiters, w => Assert.False(w.turn.IsCompleted));
        var held = waiters.Select(w => HoldAsync(w.n, w.turn)).ToList();
        first.Dispose();
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(1, 8), order);
        Assert.Equal(1, most);
        Assert.Equal(0, gate.Waiting);

        async Task HoldAsync(int n, ValueTask<WriteGate.Turn> pending)
        {
            using var turn = await pending;
            var now = Interlocked.Increment(ref inside);
            lock (order)
            {
                order.Add(n);
                most = Math.Max(most, now);
            }

            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }
    }

    [Fact]
    public async Task Sqlite_writer_waiting_longer_than_the_busy_timeout_gets_a_timeout_and_the_gate_stays_usable()
    {
        using var gate = new WriteGate(Sqlite, busyTimeoutSeconds: 1);
        var held = await gate.EnterAsync(CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(async () => await gate.EnterAsync(CancellationToken.None));
        Assert.True(StoreErrors.IsUnavailable(new TimeoutException()));

        held.Dispose();
        using var next = await gate.EnterAsync(CancellationToken.None);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Postgres_writers_do_not_wait_on_the_gate()
    {
        using var gate = new WriteGate(Postgres, busyTimeoutSeconds: 1);
        using var one = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
    }
}
