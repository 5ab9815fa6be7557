using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StrongChain.Docs.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteDocsDbContext</c> run without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDocsDbContext>
{
    public SqliteDocsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDocsDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresDocsDbContext</c> run without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDocsDbContext>
{
    public PostgresDocsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDocsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
