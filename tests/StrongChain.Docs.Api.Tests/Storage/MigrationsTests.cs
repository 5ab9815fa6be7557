using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Tests.Storage;

/// <summary>The migrations in the repository describe the model: a model change without its migration fails here, for each database.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(sqlite.Database.GetMigrations().Select(Name), db.Database.GetMigrations().Select(Name));
    }

    /// <summary>A migration's name without its timestamp: both databases have the same steps in the same order.</summary>
    private static string Name(string migration) => migration[(migration.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
