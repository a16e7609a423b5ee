using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Rejects a missing or malformed state store connection string, naming the key.</summary>
public sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{StateStoreOptions.Section}:ConnectionString must not be empty.");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? ValidateOptionsResult.Fail($"{StateStoreOptions.Section}:ConnectionString must name a Data Source.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{StateStoreOptions.Section}:ConnectionString is not a valid SQLite connection string: {ex.Message}");
        }
    }
}
