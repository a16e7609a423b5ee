namespace Dashboard.Infrastructure.Persistence;

/// <summary>Where the app keeps its own state (section <c>StateStore</c>). SQLite by default.</summary>
public sealed class StateStoreOptions
{
    public const string Section = "StateStore";

    /// <summary>The engine; <see cref="StateStoreProvider.Sqlite"/> unless configured.</summary>
    public StateStoreProvider Provider { get; set; } = StateStoreProvider.Sqlite;

    /// <summary>
    /// For SQLite a connection string naming the file (a relative path is taken from the working directory); for
    /// PostgreSQL an Npgsql connection string naming an existing database (<c>Host=…;Database=…;Username=…</c>).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=.data/warroom.db";
}
