using System.Globalization;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Microsoft365;

namespace StrongChain.Docs.Api.Outbox;

/// <summary>Registers the outbox worker and the delivery target: Graph when <c>Graph:Enabled</c>, else the local folders.</summary>
public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(OutboxOptions.Section);
        var defaults = new OutboxOptions();
        var outbox = defaults with
        {
            Worker = !bool.TryParse(section["Worker"], out var worker) || worker,
            Poll = Seconds(section["PollSeconds"]) ?? defaults.Poll,
            Lease = Seconds(section["LeaseSeconds"]) ?? defaults.Lease,
            MaxAttempts = int.TryParse(section["MaxAttempts"], out var attempts) && attempts > 0 ? attempts : defaults.MaxAttempts,
            RetryBase = Seconds(section["RetryBaseSeconds"]) ?? defaults.RetryBase,
            RetryMax = Seconds(section["RetryMaxSeconds"]) ?? defaults.RetryMax,
            BatchSize = int.TryParse(section["BatchSize"], out var batch) && batch > 0 ? batch : defaults.BatchSize,
        };
        services.AddSingleton(outbox);

        var graph = GraphSettings(configuration);
        services.AddSingleton(graph);
        services.AddSingleton<GraphTransport>();
        if (graph.Enabled)
        {
            services.AddSingleton(s => new GraphDeliveryTarget(graph, s.GetRequiredService<GraphTransport>()));
            services.AddSingleton<IDeliveryTarget>(s => s.GetRequiredService<GraphDeliveryTarget>());
            if (graph.RenderPdf)
            {
                services.AddSingleton<IPdfConverter>(s => new GraphPdfConverter(s.GetRequiredService<GraphDeliveryTarget>()));
            }
        }
        else
        {
            var sender = section["LocalSender"] is { Length: > 0 } from ? from : graph.Mailbox ?? "strongchain-docs@localhost";
            // Outbox:LocalDirectory lets several instances deliver into one shared folder while each keeps its own data folder.
            var root = section["LocalDirectory"] is { Length: > 0 } local ? Path.GetFullPath(local, dataDirectory) : dataDirectory;
            services.AddSingleton<IDeliveryTarget>(s => new LocalDeliveryTarget(root, sender, s.GetRequiredService<TimeProvider>()));
        }

        services.AddScoped<OutboxExecutor>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(s => s.GetRequiredService<OutboxWorker>());
        return services;
    }

    /// <summary>The <c>Graph</c> section (nested <c>Archive</c>/<c>Publishing</c>; <c>TimeoutSeconds</c> for the request limit).</summary>
    public static GraphOptions GraphSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GraphOptions.Section);
        var options = section.Get<GraphOptions>() ?? new GraphOptions();
        return Seconds(section["TimeoutSeconds"]) is { } timeout ? options with { Timeout = timeout } : options;
    }

    /// <summary>Builds the target at start-up, so a Graph configuration with gaps stops the service with what is missing.</summary>
    public static void ReportTarget(WebApplication app)
    {
        var target = app.Services.GetRequiredService<IDeliveryTarget>();
        app.Logger.LogInformation("Outbox delivers to {Target}", target.Name);
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
}
