namespace StrongChain.Docs.Storage;

/// <summary>Configuration section <c>Storage</c> (plus <c>ConnectionStrings:Postgres</c>).</summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>; a <c>ConnectionStrings:Postgres</c> value alone also selects PostgreSQL.</summary>
    public string? Provider { get; init; }

    /// <summary>The SQLite file, relative to the content root.</summary>
    public string Sqlite { get; init; } = "data/strongchain.db";

    /// <summary>How long a statement waits for a lock before the request answers 503.</summary>
    public int BusyTimeoutSeconds { get; init; } = 5;
}
