using Dashboard.Core.Audit;

namespace Dashboard.TestSupport;

/// <summary>
/// Two real app instances, A and B, as a high-availability deployment runs them (docs/high-availability.md): one new
/// PostgreSQL database (dropped on dispose), one audit chain key, one InfluxDB database and, when given one, one Redis
/// bus. Their <c>Cluster:InstanceName</c>s are "a" and "b", so <c>/readyz</c> and the logs say which one holds the
/// automation lease. They start one after the other or at once (<see cref="PairStart"/>); either can be SIGKILLed
/// (<see cref="RolloutApiApp.KillAsync"/>) as a lost machine, and the other goes on alone.
/// </summary>
public sealed class HighAvailabilityPair : IAsyncDisposable
{
    private const string NameOfA = "a";
    private const string NameOfB = "b";

    private readonly PostgresServer _postgres;

    private HighAvailabilityPair(RolloutApiApp a, RolloutApiApp b, PostgresServer postgres, string stateStore, Uri influxUrl, string influxDatabase)
    {
        A = a;
        B = b;
        _postgres = postgres;
        StateStore = stateStore;
        InfluxUrl = influxUrl;
        InfluxDatabase = influxDatabase;
    }

    public RolloutApiApp A { get; }

    public RolloutApiApp B { get; }

    /// <summary>The connection string of the PostgreSQL database both keep their state in (<c>StateStore:ConnectionString</c>).</summary>
    public string StateStore { get; }

    /// <summary>The influxd both read.</summary>
    public Uri InfluxUrl { get; }

    /// <summary>The InfluxDB database both read (<c>Influx:Database</c>); the lease holder's demo writes to it when it runs.</summary>
    public string InfluxDatabase { get; }

    /// <summary>Starts A and B on a new database of <paramref name="postgres"/> and a new one of <paramref name="influx"/>.</summary>
    /// <param name="influx">The shared influxd.</param>
    /// <param name="postgres">The PostgreSQL server the pair's state store is made on.</param>
    /// <param name="bus">The Redis both share as their bus (<c>Bus:Redis</c>); null for none.</param>
    /// <param name="start">A, then B; or both at once.</param>
    /// <param name="settings">Settings that replace or add to the pair's own, for both instances.</param>
    public static async Task<HighAvailabilityPair> StartAsync(
        InfluxServer influx,
        PostgresServer postgres,
        RedisServer? bus = null,
        PairStart start = PairStart.OneAfterTheOther,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(influx);
        ArgumentNullException.ThrowIfNull(postgres);
        var stateStore = await postgres.CreateDatabaseAsync();
        var influxDatabase = await influx.CreateDatabaseAsync($"ha_{Guid.NewGuid():N}");
        var shared = SharedSettings(stateStore, influxDatabase, bus, settings);
        var starts = new List<Task<RolloutApiApp>> { StartInstanceAsync(influx.Url, shared, NameOfA) };
        try
        {
            if (start == PairStart.OneAfterTheOther)
            {
                await starts[0];
            }

            starts.Add(StartInstanceAsync(influx.Url, shared, NameOfB));
            var apps = await Task.WhenAll(starts);
            return new HighAvailabilityPair(apps[0], apps[1], postgres, stateStore, influx.Url, influxDatabase);
        }
        catch
        {
            // Task.WhenAll has let every start finish: none is left running behind the dropped database.
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            await postgres.DropDatabaseAsync(stateStore);
            throw;
        }
    }

    /// <summary>The instance whose <c>/readyz</c> says it holds the automation lease, and the other, once the other agrees.</summary>
    public async Task<(RolloutApiApp Holder, RolloutApiApp Other)> WaitForLeaseHolderAsync(TimeSpan within)
    {
        var found = await Eventually.UntilAsync(
            async () =>
            {
                var (a, b) = (await A.LeaseTextAsync(), await B.LeaseTextAsync());
                return a == $"held by {NameOfA} (this instance)" && b == $"held by {NameOfA}" ? A
                    : b == $"held by {NameOfB} (this instance)" && a == $"held by {NameOfB}" ? B
                    : null;
            },
            holder => holder is not null,
            within,
            "both instances to name one lease holder",
            _ => $"A's output:\n{A.Output}\nB's output:\n{B.Output}");
        return found == A ? (A, B) : (B, A);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _postgres.DropDatabaseAsync(StateStore);
    }

    private static Dictionary<string, string> SharedSettings(
        string stateStore, string influxDatabase, RedisServer? bus, IReadOnlyDictionary<string, string>? settings)
    {
        var shared = new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = stateStore,
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
            ["Influx__Database"] = influxDatabase,
        };
        if (bus is not null)
        {
            shared["Bus__Redis"] = bus.Configuration;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            shared[key] = value;
        }

        return shared;
    }

    private static Task<RolloutApiApp> StartInstanceAsync(Uri influxUrl, Dictionary<string, string> shared, string name) =>
        RolloutApiApp.StartAsync(influxUrl, extra: new Dictionary<string, string>(shared) { ["Cluster__InstanceName"] = name });
}
