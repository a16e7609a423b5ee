using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Rejects an unknown provider or a missing or malformed connection string for it, naming the key.</summary>
public sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    private const string Key = $"{StateStoreOptions.Section}:ConnectionString";

    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{StateStoreOptions.Section}:Provider must be Sqlite or PostgreSql, not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{Key} must not be empty.");
        }

        return options.Provider == StateStoreProvider.Sqlite ? ValidateSqlite(options.ConnectionString) : ValidatePostgreSql(options.ConnectionString);
    }

    private static ValidateOptionsResult ValidateSqlite(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? ValidateOptionsResult.Fail($"{Key} must name a Data Source.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid SQLite connection string: {ex.Message}");
        }
    }

    private static ValidateOptionsResult ValidatePostgreSql(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                return ValidateOptionsResult.Fail(
                    $"{Key} must name a Host and a Database when {StateStoreOptions.Section}:Provider is PostgreSql (Host=…;Database=…;Username=…).");
            }

            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }
}
