namespace Dashboard.Infrastructure.Persistence;

/// <summary>Where the app keeps its own state (section <c>StateStore</c>). SQLite by default.</summary>
public sealed class StateStoreOptions
{
    public const string Section = "StateStore";

    /// <summary>A SQLite connection string; a relative file path is taken from the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=.data/warroom.db";
}
