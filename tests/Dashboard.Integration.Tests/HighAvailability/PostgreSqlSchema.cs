using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>What one whole schema of the app on PostgreSQL holds, and a way to read a database's catalog without a pool.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>Tables that every version of Quartz's PostgreSQL script (<c>create_postgres.sql</c>, in Quartz.dll) creates.</summary>
    public static readonly IReadOnlyList<string> QuartzCoreTables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks",
    ];

    /// <summary>The checked-in PostgreSQL migrations, in order.</summary>
    public static IReadOnlyList<string> Migrations()
    {
        var builder = new DbContextOptionsBuilder<WarRoomDbContext>();
        StateStoreDatabase.Configure(builder, new StateStoreOptions { Provider = StateStoreProvider.PostgreSql, ConnectionString = "Host=127.0.0.1" });
        using var db = new PostgreSqlWarRoomDbContext(builder.Options);
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public static async Task<IReadOnlyList<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
