namespace Dashboard.Infrastructure.Persistence;

/// <summary>The database engine behind the state store (<c>StateStore:Provider</c>).</summary>
public enum StateStoreProvider
{
    /// <summary>One file on this machine: the quick start's default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several instances share (docs/high-availability.md).</summary>
    PostgreSql,
}
