using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Bench;

/// <summary>
/// Failover of the automation (docs/high-availability.md, "Lease"): two real instances on one PostgreSQL, one InfluxDB
/// and one HAProxy, a rollout running at 1 %, guardrails polling every second. Each run starts a fresh pair, SIGKILLs
/// the lease holder, and from then on writes a failing canary point every second straight to InfluxDB. It measures,
/// from the SIGKILL: the survivor holding the lease (its <c>/readyz</c>, asked every 100 ms), the survivor's guardrails
/// polling again (<c>lastPollAt</c> after the kill), and the rollback saved by the survivor (the event's time).
/// </summary>
public static class LeaseFailoverBench
{
    public static async Task RunAsync(int runs)
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        var takeover = new List<double>();
        var polling = new List<double>();
        var rolledBack = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var pair = await LeaseFailover.StartPairAsync(influx, postgres, haproxy);
            var (holder, survivor) = await pair.WaitForLeaseHolderAsync(TimeSpan.FromSeconds(120));
            var id = await LeaseFailover.StartRolloutAsync(survivor);
            await GuardrailBenchSupport.WaitAsync("the holder judging the rollout", TimeSpan.FromSeconds(120), () => JudgedAsync(holder.Http, id));

            var killedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await holder.KillAsync();
            using var stop = new CancellationTokenSource();
            var writer = LeaseFailover.WriteBadCanaryPointsAsync(pair, stop.Token);
            await GuardrailBenchSupport.WaitAsync("the survivor holding the lease", TimeSpan.FromSeconds(60), async () =>
                await survivor.LeaseTextAsync() == $"held by {survivor.InstanceName} (this instance)" ? default(JsonElement) : null);
            takeover.Add(clock.Elapsed.TotalSeconds);
            var poll = await GuardrailBenchSupport.WaitAsync("the survivor's guardrails polling", TimeSpan.FromSeconds(60), async () =>
                await survivor.Http.GetFromJsonAsync<JsonElement>("/api/guardrails/status") is var status
                && status.GetProperty("lastPollAt") is { ValueKind: JsonValueKind.String } at && at.GetDateTimeOffset() > killedAt ? at : null);
            polling.Add((poll.GetDateTimeOffset() - killedAt).TotalSeconds);
            var rollback = await GuardrailBenchSupport.WaitAsync("the survivor's rollback", TimeSpan.FromSeconds(120), async () =>
                (await survivor.Http.GetFromJsonAsync<JsonElement>($"/api/rollouts/{id}/events")).EnumerateArray()
                    .FirstOrDefault(e => e.GetProperty("kind").GetString() == "rollout.rolledBack") is { ValueKind: JsonValueKind.Object } found ? found : null);
            rolledBack.Add((rollback.GetProperty("at").GetDateTimeOffset() - killedAt).TotalSeconds);
            await stop.CancelAsync();
            await writer;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run + 1,2}: SIGKILL → survivor holds {takeover[^1],5:0.0} s → guardrails poll {polling[^1],5:0.0} s → rollback saved {rolledBack[^1],5:0.0} s"));
        }

        GuardrailBenchSupport.Report("SIGKILL of the holder → the survivor holds the lease", takeover);
        GuardrailBenchSupport.Report("SIGKILL of the holder → the survivor's guardrails poll again", polling);
        GuardrailBenchSupport.Report("SIGKILL of the holder → rollback saved (canary failing from the kill on)", rolledBack);
    }

    private static async Task<JsonElement?> JudgedAsync(HttpClient http, Guid id)
    {
        var status = await http.GetFromJsonAsync<JsonElement>("/api/guardrails/status");
        return status.GetProperty("blindReason").ValueKind == JsonValueKind.Null
            && status.GetProperty("rollouts").EnumerateArray().Any(r => r.GetProperty("rolloutId").GetGuid() == id)
            ? status
            : null;
    }
}
