namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>Bytes allocated per call on this thread: a regression guard that does not depend on the machine's speed or load.</summary>
internal static class Allocations
{
    /// <summary>Median bytes allocated by one call, after <paramref name="warmUp"/> calls (the JIT's and static initialisers' allocations left out).</summary>
    public static long PerCall(Func<object> call, int warmUp = 30, int samples = 15)
    {
        for (var i = 0; i < warmUp; i++)
        {
            GC.KeepAlive(call());
        }

        var bytes = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(call());
            bytes[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Array.Sort(bytes);
        return bytes[samples / 2];
    }
}
