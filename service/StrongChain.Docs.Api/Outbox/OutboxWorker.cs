using StrongChain.Docs.Storage.Outbox;

namespace StrongChain.Docs.Api.Outbox;

/// <summary>
/// Delivers outbox items: claims a due item (lease in the database, so several instances share the work), executes it,
/// then marks it done, or due again after a backoff (or the Retry-After Graph asked for), or failed after
/// <see cref="OutboxOptions.MaxAttempts"/> claims. <see cref="RunOnceAsync"/> is one pass; the timed loop repeats it.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxOptions options, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>This worker's name on its claims: host, process and a random part (two hosts in one process differ).</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Handles due items until none is due or <see cref="OutboxOptions.BatchSize"/> were handled; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        while (handled < options.BatchSize)
        {
            using var scope = scopes.CreateScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            var item = await outbox.ClaimNextAsync(Owner, options.Lease, ct);
            if (item is null)
            {
                break;
            }

            handled++;
            await HandleAsync(item, outbox, scope.ServiceProvider.GetRequiredService<OutboxExecutor>(), ct);
        }

        return handled;
    }

    private async Task HandleAsync(ClaimedOutboxItem item, IOutboxStore outbox, OutboxExecutor executor, CancellationToken ct)
    {
        if (item.Attempts > options.MaxAttempts)
        {
            // Claimed again after its last attempt's worker died: it has had its tries.
            await outbox.FailAsync(item.Id, Owner, "Gave up: every attempt was used (the last worker stopped while holding it).", ct);
            return;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileDeliveringAsync(item, renewal.Token);
        try
        {
            try
            {
                await executor.ExecuteAsync(item, ct);
            }
            finally
            {
                await renewal.CancelAsync();
                await renewing;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the item back now rather than leave it to its lease (it may be retried at once elsewhere).
            using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await outbox.RetryLaterAsync(item.Id, Owner, time.GetUtcNow(), "Interrupted by a shutdown.", release.Token);
            }
#pragma warning disable CA1031 // A store that cannot be reached while stopping leaves the item to its lease.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            throw;
        }
        catch (OutboxContentMissingException e)
        {
            logger.LogError("Outbox item {Id} ({Kind}) failed for good: {Error}", item.Id, item.Kind, e.Message);
            await outbox.FailAsync(item.Id, Owner, e.Message, ct);
            return;
        }
#pragma warning disable CA1031 // Any failure of a delivery is kept on the item and retried; the worker goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var retryAfter = (e as Microsoft365.DeliveryException)?.RetryAfter;
            if (item.Attempts >= options.MaxAttempts)
            {
                logger.LogError(e, "Outbox item {Id} ({Kind}) failed after {Attempts} attempts", item.Id, item.Kind, item.Attempts);
                await outbox.FailAsync(item.Id, Owner, e.Message, ct);
            }
            else
            {
                var due = time.GetUtcNow() + options.Delay(item.Attempts, retryAfter);
                logger.LogWarning("Outbox item {Id} ({Kind}) attempt {Attempts} failed, next at {Due:o}: {Error}", item.Id, item.Kind, item.Attempts, due, e.Message);
                await outbox.RetryLaterAsync(item.Id, Owner, due, e.Message, ct);
            }

            return;
        }

        if (!await outbox.CompleteAsync(item.Id, Owner, ct))
        {
            logger.LogWarning("Outbox item {Id} was delivered after its lease ran out; another worker holds it now", item.Id);
        }
    }

    /// <summary>
    /// Extends the lease every third of it while the delivery runs (a PDF rendered on a busy machine can outlast a short lease),
    /// so only a worker that died loses its items to another instance. Own scope: the delivery uses the other DbContext.
    /// </summary>
    private async Task RenewWhileDeliveringAsync(ClaimedOutboxItem item, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, time, ct);
                using var scope = scopes.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<IOutboxStore>().RenewAsync(item.Id, Owner, options.Lease, ct))
                {
                    logger.LogWarning("Outbox item {Id}: the lease could not be renewed (it ran out and another worker holds it)", item.Id);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The delivery ended (or the service stops).
        }
#pragma warning disable CA1031 // A store briefly unavailable: the lease may then run out, which the claim already allows for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Outbox item {Id}: renewing the lease failed", item.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Worker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store that is briefly unavailable must not stop the loop; the next pass tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Outbox pass failed; trying again in {Poll}", options.Poll);
            }

            try
            {
                await Task.Delay(options.Poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
