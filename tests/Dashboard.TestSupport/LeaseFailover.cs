using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>
/// The failover of the automation lease (docs/high-availability.md, "Lease"), for its test and its bench: a
/// <see cref="HighAvailabilityPair"/> routing through one HAProxy, the demo writing a busy canary (only the lease holder
/// writes), the guardrails polling every second over a 10 s window. A rollout of the demo's service starts through
/// either instance; bad canary points go straight into the pair's InfluxDB database, as a failing canary would.
/// </summary>
public static class LeaseFailover
{
    public const string Service = "ultra-fast-analyzer";
    public const string CandidateVersion = "v3.0.0-sprint-2-complete";

    /// <summary>Starts "a", then "b", both driving <paramref name="haproxy"/>.</summary>
    /// <param name="influx">The shared influxd.</param>
    /// <param name="postgres">The PostgreSQL server the pair's state store is made on.</param>
    /// <param name="haproxy">The router both drive.</param>
    /// <param name="settings">Settings that replace or add to the scenario's own, for both instances.</param>
    public static Task<HighAvailabilityPair> StartPairAsync(
        InfluxServer influx, PostgresServer postgres, HaproxyServer haproxy, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(haproxy);
        var all = ScenarioSettings(haproxy);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return HighAvailabilityPair.StartAsync(influx, postgres, settings: all);
    }

    /// <summary>Creates and starts a rollout of the demo's service through <paramref name="instance"/>, along the built-in
    /// three-phase plan (canary 1 %) unless <paramref name="planId"/> names another.</summary>
    public static async Task<Guid> StartRolloutAsync(RolloutApiApp instance, string planId = "three-phase")
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

    /// <summary>Writes one whole canary requests point of segment A (200 requests, half of them errors) at now into the
    /// pair's InfluxDB database, every second until <paramref name="stop"/>.</summary>
    public static async Task WriteBadCanaryPointsAsync(HighAvailabilityPair pair, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(pair);
        using var influx = new HttpClient { BaseAddress = pair.InfluxUrl, Timeout = TimeSpan.FromSeconds(10) };
        while (!stop.IsCancellationRequested)
        {
            await WriteBadCanaryPointAsync(influx, pair.InfluxDatabase);
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

    private static async Task WriteBadCanaryPointAsync(HttpClient influx, string database)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"requests,service={Service},cohort=canary,version={CandidateVersion},segment=A,region=eu count=200i,errors=100i,le_10=0i,le_25=0i,le_50=150i,le_100=190i,le_200=200i,le_250=200i,le_500=200i,le_1000=200i,le_inf=200i {at}");
        using var content = new StringContent(line);
        using var response = await influx.PostAsync($"/write?db={database}&precision=ms", content);
        response.EnsureSuccessStatusCode();
    }

    private static Dictionary<string, string> ScenarioSettings(HaproxyServer haproxy) => new(GuardrailTestSettings.FastOnTheDemo)
    {
        ["Routing__Kind"] = "Haproxy",
        ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
        ["Routing__Haproxy__Timeout"] = "00:00:02",
        // A 1 s poll on PostgreSQL needs a lost lease noticed within it (GuardrailOptionsValidator).
        ["Leadership__KeepaliveCadence"] = "00:00:00.5",
    };
}
