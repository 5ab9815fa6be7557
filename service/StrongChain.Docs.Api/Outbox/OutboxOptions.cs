namespace StrongChain.Docs.Api.Outbox;

/// <summary>The <c>Outbox</c> settings: how the worker polls, holds and retries items.</summary>
public sealed record OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this instance runs the timed worker loop (tests turn it off and call <see cref="OutboxWorker.RunOnceAsync"/>).</summary>
    public bool Worker { get; init; } = true;

    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim holds an item; longer than any one delivery, so only a dead worker's items are taken over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Claims per item before it is given up as failed.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>First retry delay; each later one doubles, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Items one run handles at most before the loop waits again.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: what the service asked for, else exponential with a little jitter.</summary>
    public TimeSpan Delay(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > RetryMax ? RetryMax : asked;
        }

        var exponential = RetryBase.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, RetryMax.TotalMilliseconds);
        // Up to 10 % more, so instances that failed together do not retry together.
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.1)));
    }
}
