using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Npgsql;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Two real app instances started at once on one new PostgreSQL database (one Quartz cluster), one influxd
/// database and one audit chain key, as two machines behind a load balancer would run. Either can be killed
/// (SIGKILL); the trigger rows of Quartz's job store say which instance holds a trigger.
/// </summary>
public sealed partial class QuartzClusterApps : IAsyncDisposable
{
    private readonly PostgresServer _postgres;
    private readonly RolloutApiApp[] _apps;
    private readonly bool[] _killed = [false, false];

    private QuartzClusterApps(PostgresServer postgres, string connectionString, RolloutApiApp[] apps)
    {
        _postgres = postgres;
        ConnectionString = connectionString;
        _apps = apps;
    }

    public string ConnectionString { get; }

    public RolloutApiApp A => _apps[0];

    public RolloutApiApp B => _apps[1];

    public static async Task<QuartzClusterApps> StartAsync(
        InfluxServerFixture influx, PostgresServerFixture postgres, IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(influx);
        ArgumentNullException.ThrowIfNull(postgres);
        ArgumentNullException.ThrowIfNull(extra);
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>(extra)
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = connectionString,
            ["Audit__ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Influx__Database"] = await influx.CreateDatabaseAsync("quartzha"),
            // Short enough that a test sees a dead instance recovered in seconds, long enough for a loaded machine.
            ["Scheduler__CheckinInterval"] = "00:00:02",
            ["Scheduler__CheckinMisfireThreshold"] = "00:00:12",
        };

        // Both at once on the empty database: migrations, Quartz's schema and the start-up syncs race as they would.
        var starts = new[] { RolloutApiApp.StartAsync(influx.Url, extra: settings), RolloutApiApp.StartAsync(influx.Url, extra: settings) };
        try
        {
            return new QuartzClusterApps(postgres.Server, connectionString, await Task.WhenAll(starts));
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            await postgres.Server.DropDatabaseAsync(connectionString);
            throw;
        }
    }

    /// <summary>SIGKILL, as a lost machine: no shutdown, no check-out from the cluster, triggers left as they were.</summary>
    public async Task KillAsync(RolloutApiApp app)
    {
        var index = Array.IndexOf(_apps, app);
        _killed[index] = true;
        await app.DisposeAsync();
    }

    /// <summary>The Quartz node id the instance logged at start-up (generated: AUTO).</summary>
    public static async Task<string> NodeIdAsync(RolloutApiApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var line = await Eventually.UntilAsync(
            () => Task.FromResult(NodeLine().Match(app.Output)),
            match => match.Success,
            TimeSpan.FromSeconds(30),
            "the instance to log its Quartz node id",
            _ => app.Output);
        return line.Groups["id"].Value;
    }

    /// <summary>The node that has acquired or is running the trigger, or null when none has.</summary>
    public async Task<string?> HolderAsync(string triggerGroup, string triggerName)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_group = @group AND trigger_name = @name", connection);
        command.Parameters.AddWithValue("group", triggerGroup);
        command.Parameters.AddWithValue("name", triggerName);
        return await command.ExecuteScalarAsync() as string;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _apps.Length; i++)
        {
            if (!_killed[i])
            {
                await _apps[i].DisposeAsync();
            }
        }

        await _postgres.DropDatabaseAsync(ConnectionString);
    }

    [GeneratedRegex(@"Quartz node (?<id>\S+) \(clustered: True\)")]
    private static partial Regex NodeLine();
}
