using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>
/// Two real app instances (child processes) on one PostgreSQL database, one InfluxDB database and one HAProxy, with
/// the same audit key, as a high-availability deployment runs them (docs/high-availability.md): the demo writes a
/// busy canary (only the lease holder writes), the guardrails poll every second over a 10 s window. "a" starts first,
/// then "b". For the failover test and bench: find the holder, SIGKILL it, write bad canary points straight into InfluxDB.
/// </summary>
public sealed class FailoverPair : IAsyncDisposable
{
    public const string Service = "ultra-fast-analyzer";
    public const string CandidateVersion = "v3.0.0-sprint-2-complete";

    private readonly Uri _influxUrl;
    private readonly string _influxDatabase;

    private FailoverPair(FailoverInstance a, FailoverInstance b, Uri influxUrl, string influxDatabase)
    {
        A = a;
        B = b;
        _influxUrl = influxUrl;
        _influxDatabase = influxDatabase;
    }

    public FailoverInstance A { get; }

    public FailoverInstance B { get; }

    /// <summary>Starts "a", then "b", on <paramref name="influxDatabase"/> and the PostgreSQL database of
    /// <paramref name="postgresConnectionString"/>, both routing through <paramref name="haproxy"/>.</summary>
    /// <param name="influxUrl">The shared influxd.</param>
    /// <param name="influxDatabase">The InfluxDB database both read and the holder's demo writes.</param>
    /// <param name="postgresConnectionString">The state store both share.</param>
    /// <param name="haproxy">The router both drive.</param>
    /// <param name="extra">Settings that replace or add to the pair's own, for both instances.</param>
    public static async Task<FailoverPair> StartAsync(
        Uri influxUrl, string influxDatabase, string postgresConnectionString, HaproxyServer haproxy, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(haproxy);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var a = await StartInstanceAsync("a", Settings(influxUrl, influxDatabase, postgresConnectionString, haproxy, key, "a", extra));
        try
        {
            var b = await StartInstanceAsync("b", Settings(influxUrl, influxDatabase, postgresConnectionString, haproxy, key, "b", extra));
            return new FailoverPair(a, b, influxUrl, influxDatabase);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>The instance whose <c>/readyz</c> says it holds the lease, and the other, once the other agrees.</summary>
    public async Task<(FailoverInstance Holder, FailoverInstance Other)> WaitForHolderAsync(TimeSpan within)
    {
        var found = await Eventually.UntilAsync(
            async () =>
            {
                var (a, b) = (await A.LeaseTextAsync(), await B.LeaseTextAsync());
                return a == $"held by {A.Name} (this instance)" && b == $"held by {A.Name}" ? A
                    : b == $"held by {B.Name} (this instance)" && a == $"held by {B.Name}" ? B
                    : null;
            },
            holder => holder is not null,
            within,
            "both instances to name one lease holder",
            _ => $"A's output:\n{A.Output}\nB's output:\n{B.Output}");
        return found == A ? (A, B) : (B, A);
    }

    /// <summary>Creates and starts a rollout of the demo's service through <paramref name="instance"/>, along the built-in
    /// three-phase plan (canary 1 %) unless <paramref name="planId"/> names another.</summary>
    public static async Task<Guid> StartRolloutAsync(FailoverInstance instance, string planId = "three-phase")
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var created = await instance.Http.PostAsJsonAsync("/api/rollouts", new
        {
            service = Service,
            baselineVersion = "v2.9.4",
            candidateVersion = CandidateVersion,
            planId,
            reason = "failover",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var started = await instance.Http.PostAsJsonAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        started.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Stores the plan <paramref name="planJson"/> through <paramref name="instance"/> (<c>POST /api/plans</c>).</summary>
    public static async Task CreatePlanAsync(FailoverInstance instance, string planJson)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var content = new StringContent(planJson, Encoding.UTF8, "application/json");
        using var created = await instance.Http.PostAsync("/api/plans", content);
        created.EnsureSuccessStatusCode();
    }

    /// <summary>One whole canary requests point of segment A (200 requests, half of them errors) at now, straight into InfluxDB.</summary>
    public async Task WriteBadCanaryPointAsync()
    {
        using var influx = new HttpClient { BaseAddress = _influxUrl, Timeout = TimeSpan.FromSeconds(10) };
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"requests,service={Service},cohort=canary,version={CandidateVersion},segment=A,region=eu count=200i,errors=100i,le_10=0i,le_25=0i,le_50=150i,le_100=190i,le_200=200i,le_250=200i,le_500=200i,le_1000=200i,le_inf=200i {at}");
        using var content = new StringContent(line);
        using var response = await influx.PostAsync($"/write?db={_influxDatabase}&precision=ms", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Writes <see cref="WriteBadCanaryPointAsync"/> every second until <paramref name="stop"/>.</summary>
    public async Task WriteBadCanaryPointsAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await WriteBadCanaryPointAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    private static async Task<FailoverInstance> StartInstanceAsync(string name, Dictionary<string, string> settings)
    {
        var app = await AppProcess.StartAsync(settings);
        try
        {
            return new FailoverInstance(name, app, await app.SignInAsAdminAsync());
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string> Settings(
        Uri influxUrl, string influxDatabase, string postgres, HaproxyServer haproxy, string auditKey, string name, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = OwnSettings(influxUrl, influxDatabase, postgres, haproxy, auditKey, name);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string> OwnSettings(Uri influxUrl, string influxDatabase, string postgres, HaproxyServer haproxy, string auditKey, string name) => new()
    {
        ["Cluster__InstanceName"] = name,
        ["StateStore__Provider"] = "PostgreSql",
        ["StateStore__ConnectionString"] = postgres,
        ["Audit__ChainKey"] = auditKey,
        ["Influx__Url"] = influxUrl.ToString(),
        ["Influx__Database"] = influxDatabase,
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["Demo__TotalRps"] = "20000",
        ["Demo__BackfillHours"] = "0",
        ["Demo__Seed"] = "7",
        ["Guardrails__PollInterval"] = "00:00:01",
        ["Guardrails__Window"] = "00:00:10",
        ["Guardrails__ConsecutiveBreaches"] = "3",
        ["Guardrails__RouterRetryBaseDelay"] = "00:00:00.5",
        ["Guardrails__RouterRetryMaxDelay"] = "00:00:02",
        ["Routing__Kind"] = "Haproxy",
        ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
        ["Routing__Haproxy__Timeout"] = "00:00:02",
    };
}
