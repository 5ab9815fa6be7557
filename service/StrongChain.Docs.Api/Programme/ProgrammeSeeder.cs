using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Api.Programme;

/// <summary>Start-up seeding: the historical first batch when missing (never overwritten), and the demo round re-opened around today.</summary>
public static class ProgrammeSeeder
{
    private const int MaxAttempts = 5;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedOnceAsync(services, ct);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && StoreErrors.IsUniqueViolation(e))
            {
                // Another instance starting on the same database inserted the same row first; seeding again finds it.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
        }
    }

    private static async Task SeedOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var (first, firstDemands) = SampleProgrammeData.FirstBatch();
        await store.EnsureRoundAsync(first, updateExisting: false, Actor.System, ct);
        await InsertMissingAsync(store, first.Id, firstDemands, ct);

        var (demo, demoDemands) = SampleProgrammeData.Demo(time.GetUtcNow());
        await store.EnsureRoundAsync(demo, updateExisting: true, Actor.System, ct);
        await InsertMissingAsync(store, demo.Id, demoDemands, ct);
    }

    // Only a round without demands gets the sample list: an imported or reviewed list is not reset by a restart.
    private static async Task InsertMissingAsync(IDemandStore store, string roundId, IReadOnlyList<Domain.Programme.Demand> demands, CancellationToken ct)
    {
        if ((await store.DemandsAsync(roundId, null, ct)).Count == 0)
        {
            await store.UpsertRoundDemandsAsync(roundId, demands, Actor.System, ct);
        }
    }
}
