using Dashboard.Core.Audit;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Two real app instances, A and B, as a high-availability deployment runs them: one PostgreSQL database, one Redis bus,
/// one audit chain key, one InfluxDB database. A starts first (it creates the schema and the first admin), then B.
/// Their <c>Cluster:InstanceName</c>s are "a" and "b", so <c>/readyz</c> and the logs say which one holds the lease.
/// </summary>
internal sealed class BusAppPair : IAsyncDisposable
{
    private BusAppPair(RolloutApiApp a, RolloutApiApp b, string stateStore, PostgresServer postgres)
    {
        A = a;
        B = b;
        StateStore = stateStore;
        Postgres = postgres;
    }

    public RolloutApiApp A { get; }

    public RolloutApiApp B { get; }

    /// <summary>The state store both share (PostgreSQL).</summary>
    public string StateStore { get; }

    private PostgresServer Postgres { get; }

    public static async Task<BusAppPair> StartAsync(
        InfluxServerFixture influx, PostgresServer postgres, RedisServer redis, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = await SettingsAsync(influx, postgres, redis, extra);
        var a = await RolloutApiApp.StartAsync(influx.Url, extra: Named(settings, "a"));
        try
        {
            var b = await RolloutApiApp.StartAsync(influx.Url, extra: Named(settings, "b"));
            return new BusAppPair(a, b, settings["StateStore__ConnectionString"], postgres);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>What both instances share: the state store, the bus, the chain key and InfluxDB's database.</summary>
    public static async Task<Dictionary<string, string>> SettingsAsync(
        InfluxServerFixture influx, PostgresServer postgres, RedisServer redis, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Bus__Redis"] = redis.Configuration,
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
            ["Influx__Database"] = await influx.CreateDatabaseAsync("bus"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string> Named(Dictionary<string, string> settings, string name) =>
        new(settings) { ["Cluster__InstanceName"] = name };

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Postgres.DropDatabaseAsync(StateStore);
    }
}
