using System.Data.Common;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The server settings under which PostgreSQL confirms a commit it can still lose (docs/high-availability.md,
/// "PostgreSQL must keep what it acknowledged"). The app tells people a verdict, a sign-off or a traffic change
/// happened only once it is saved; with <c>synchronous_commit</c> off a crash of the server loses the last confirmed
/// commits, and with <c>fsync</c> off a crash of the machine can. Quartz's cluster suffers the same way: a node's memory
/// no longer matches the rows it was told were written, and a trigger can stay held by a live node for good.
/// </summary>
public static class PostgreSqlDurability
{
    /// <summary>The settings checked, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Settings = ["synchronous_commit", "fsync"];

    /// <summary>
    /// The <see cref="Settings"/> that are <c>off</c> for this connection's session (a per-database or per-role
    /// <c>ALTER … SET</c> counts as it would for the app), empty when every confirmed commit survives a crash.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SettingsThatLoseCommitsAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var off = new List<string>();
        foreach (var setting in Settings)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_setting(@name)";
            var name = command.CreateParameter();
            name.ParameterName = "name";
            name.Value = setting;
            command.Parameters.Add(name);
            if (string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "off", StringComparison.OrdinalIgnoreCase))
            {
                off.Add(setting);
            }
        }

        return off;
    }
}
