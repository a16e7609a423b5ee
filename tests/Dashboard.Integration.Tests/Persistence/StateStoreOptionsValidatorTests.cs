using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Integration.Tests.Persistence;

public sealed class StateStoreOptionsValidatorTests
{
    [Theory]
    [InlineData(StateStoreProvider.Sqlite, "Data Source=.data/warroom.db")]
    [InlineData(StateStoreProvider.PostgreSql, "Host=127.0.0.1;Port=5432;Database=warroom;Username=warroom")]
    [InlineData(StateStoreProvider.PostgreSql, "Host=/var/run/postgresql;Database=warroom")]
    public void Validate_AConnectionStringForTheProvider_Succeeds(StateStoreProvider provider, string connectionString)
    {
        var result = new StateStoreOptionsValidator().Validate(null, new StateStoreOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(StateStoreProvider.Sqlite, "", "StateStore:ConnectionString must not be empty")]
    [InlineData(StateStoreProvider.Sqlite, "Mode=Memory", "must name a Data Source")]
    [InlineData(StateStoreProvider.PostgreSql, "Data Source=.data/warroom.db", "StateStore:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData(StateStoreProvider.PostgreSql, "Host=db.internal", "must name a Host and a Database")]
    [InlineData(StateStoreProvider.PostgreSql, "Hots=db;Database=warroom", "is not a valid PostgreSQL connection string")]
    [InlineData((StateStoreProvider)7, "Data Source=x.db", "StateStore:Provider must be Sqlite or PostgreSql")]
    public void Validate_AMissingOrWrongConnectionString_FailsNamingTheKey(StateStoreProvider provider, string connectionString, string message)
    {
        var result = new StateStoreOptionsValidator().Validate(null, new StateStoreOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
