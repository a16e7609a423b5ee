using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>
/// The base of a test class whose tests run on both state store engines: the tests live in an abstract class
/// derived from this, and two empty sealed classes run them, one on SQLite (no fixture) and one on PostgreSQL
/// (in the <see cref="PostgresCollection"/>, with its <see cref="PostgresServerFixture"/>).
/// </summary>
public abstract class StateStoreTestBase(PostgresServerFixture? postgres)
{
    protected StateStoreProvider Provider => postgres is null ? StateStoreProvider.Sqlite : StateStoreProvider.PostgreSql;

    /// <summary>A fresh store on this class's engine: a new file, or a new database on the shared server.</summary>
    protected Task<TestStateStore> CreateStoreAsync(TimeProvider? clock = null, bool migrate = true) =>
        TestStateStore.CreateAsync(clock, migrate, postgres?.Server);
}
