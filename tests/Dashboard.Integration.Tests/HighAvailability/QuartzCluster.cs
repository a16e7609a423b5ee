using System.Text.RegularExpressions;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Npgsql;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// A Quartz cluster of two real instances: a <see cref="HighAvailabilityPair"/> started at once on its new database, as
/// two machines behind a load balancer boot, whose nodes check in often enough that a test sees a killed one recovered
/// in seconds. Quartz's job store says which node holds a trigger; each instance logs its node id at start-up.
/// </summary>
internal static partial class QuartzCluster
{
    /// <param name="influx">The shared influxd.</param>
    /// <param name="postgres">The shared PostgreSQL server; the cluster gets a new database on it.</param>
    /// <param name="settings">More settings for both instances.</param>
    public static Task<HighAvailabilityPair> StartAsync(
        InfluxServerFixture influx, PostgresServerFixture postgres, IReadOnlyDictionary<string, string> settings) =>
        HighAvailabilityPair.StartAsync(
            influx.Server,
            postgres.Server,
            start: PairStart.AtOnce,
            settings: new Dictionary<string, string>(settings)
            {
                // Short enough that a test sees a dead instance recovered in seconds, long enough for a loaded machine.
                ["Scheduler__CheckinInterval"] = "00:00:02",
                ["Scheduler__CheckinMisfireThreshold"] = "00:00:12",
            });

    /// <summary>The Quartz node id the instance logged at start-up (generated: AUTO).</summary>
    public static async Task<string> NodeIdAsync(RolloutApiApp app)
    {
        var line = await Eventually.UntilAsync(
            () => Task.FromResult(NodeLine().Match(app.Output)),
            match => match.Success,
            TimeSpan.FromSeconds(30),
            "the instance to log its Quartz node id",
            _ => app.Output);
        return line.Groups["id"].Value;
    }

    /// <summary>The node that has acquired or is running the trigger, or null when none has.</summary>
    public static async Task<string?> HolderAsync(HighAvailabilityPair cluster, string triggerGroup, string triggerName)
    {
        await using var connection = new NpgsqlConnection(cluster.StateStore);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_group = @group AND trigger_name = @name", connection);
        command.Parameters.AddWithValue("group", triggerGroup);
        command.Parameters.AddWithValue("name", triggerName);
        return await command.ExecuteScalarAsync() as string;
    }

    [GeneratedRegex(@"Quartz node (?<id>\S+) \(clustered: True\)")]
    private static partial Regex NodeLine();
}
