using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Bulletins;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DocsDbContext"/> on SQLite (default) or PostgreSQL, and the stores.</summary>
    public static IServiceCollection AddDocsStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StorageOptions.Section);
        var defaults = new StorageOptions();
        var options = new StorageOptions
        {
            Provider = section["Provider"] is { Length: > 0 } provider ? provider : null,
            Sqlite = section["Sqlite"] is { Length: > 0 } file ? file : defaults.Sqlite,
            BusyTimeoutSeconds = int.TryParse(section["BusyTimeoutSeconds"], out var seconds) && seconds > 0 ? seconds : defaults.BusyTimeoutSeconds,
        };
        var postgres = configuration.GetConnectionString("Postgres");
        var usePostgres = string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || (options.Provider is null && !string.IsNullOrWhiteSpace(postgres));

        if (usePostgres)
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is empty.");
            }

            // A statement waits at most BusyTimeoutSeconds for a lock (then 55P03, answered 503), as SQLite's busy timeout does.
            var npgsql = new NpgsqlConnectionStringBuilder(postgres);
            if (npgsql.Options?.Contains("lock_timeout", StringComparison.Ordinal) != true)
            {
                npgsql.Options = $"{npgsql.Options} -c lock_timeout={options.BusyTimeoutSeconds * 1000}".Trim();
            }

            postgres = npgsql.ConnectionString;
            services.AddDbContext<DocsDbContext, PostgresDocsDbContext>(o => o.UseNpgsql(postgres, n => n.CommandTimeout(options.BusyTimeoutSeconds * 6)));
            services.AddSingleton(new StorageProvider(StorageProvider.Postgres, postgres));
        }
        else
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, options.Sqlite));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                // Microsoft.Data.Sqlite retries a busy database for this long, then the request answers 503.
                DefaultTimeout = options.BusyTimeoutSeconds,
                Pooling = true,
                ForeignKeys = true,
            }.ToString();
            services.AddDbContext<DocsDbContext, SqliteDocsDbContext>(o => o.UseSqlite(connection).AddInterceptors(new SqlitePragmas(options.BusyTimeoutSeconds)));
            services.AddSingleton(new StorageProvider(StorageProvider.Sqlite, connection));
        }

        services.AddSingleton(sp => new WriteGate(sp.GetRequiredService<StorageProvider>(), options.BusyTimeoutSeconds));
        services.AddSingleton(sp => new SqliteCheckpointer(sp.GetRequiredService<StorageProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<SqliteCheckpointer>>()));
        services.AddScoped<IDemandStore, DemandStore>();
        services.AddScoped<IApplicationStore, ApplicationStore>();
        services.AddScoped<Agreements.IAgreementStore, Agreements.AgreementStore>();
        services.AddScoped<IBulletinStore, BulletinStore>();
        services.AddScoped<Outbox.IOutboxStore, Outbox.OutboxStore>();
        services.AddScoped<Review.IReviewStore, Review.ReviewStore>();
        services.AddScoped<Review.IScoreStore, Review.ScoreStore>();
        services.AddScoped<Consortia.IConsortiumStore, Consortia.ConsortiumStore>();
        services.AddScoped<Dashboard.IDashboardStore, Dashboard.DashboardStore>();
        services.AddScoped<Reports.IProgressReportStore, Reports.ProgressReportStore>();
        return services;
    }
}

/// <summary>Which database the service uses (health, tests and tools read it).</summary>
public sealed record StorageProvider(string Name, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Name == Sqlite;
}
