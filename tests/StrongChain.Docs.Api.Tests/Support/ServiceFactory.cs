using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>
/// A service host on a clock the tests set (inside the first batch's window) and a store of its own: a fresh SQLite file,
/// or a fresh database on the PostgreSQL server named by <see cref="TestDatabase.PostgresVariable"/>.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2021-01-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

    public TestDatabase Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFactory>
{
    public const string Name = "service";
}
