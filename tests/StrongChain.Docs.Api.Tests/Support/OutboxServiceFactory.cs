using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Outbox;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>A service host whose outbox loop is off: the test runs the worker with <see cref="RunOutboxAsync"/>, plus any settings it names.</summary>
public sealed class OutboxServiceFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : ServiceFactory
{
    public OutboxWorker Worker => Services.GetRequiredService<OutboxWorker>();

    /// <summary>One pass of the worker (bounded by its batch size), as the timed loop would make.</summary>
    public async Task<int> RunOutboxAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Worker.RunOnceAsync(timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:Worker", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
