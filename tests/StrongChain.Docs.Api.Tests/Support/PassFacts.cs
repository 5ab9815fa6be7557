namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>A test that does not depend on the database: it runs once, in the SQLite pass, not again in the PostgreSQL pass.</summary>
public sealed class SqlitePassFactAttribute : FactAttribute
{
    public SqlitePassFactAttribute()
    {
        if (TestDatabase.UsesPostgres)
        {
            Skip = "Runs once, in the SQLite pass: it does not depend on the database.";
        }
    }
}

/// <summary>A test of several service instances on one PostgreSQL: it runs in the PostgreSQL pass only.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsesPostgres)
        {
            Skip = $"Needs PostgreSQL: runs in the PostgreSQL pass ({TestDatabase.PostgresVariable}, scripts/test.sh).";
        }
    }
}
