using System.Globalization;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Xunit.Abstractions;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Failover of the automation: two real instances on one PostgreSQL, one InfluxDB and one real HAProxy. The lease holder
/// is SIGKILLed with a rollout running; the canary then fails, and the survivor — which took the lease when PostgreSQL
/// ended the dead holder's session — rolls back, once, and HAProxy reads 0 % (docs/high-availability.md, "Lease").
/// </summary>
[Collection(InfluxAndPostgresCollection.Name)]
public sealed class LeaseFailoverTests(InfluxServerFixture influx, PostgresServerFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HolderKilled_CanaryFailsAfter_SurvivorRollsBackOnceAndHaproxyReadsZero()
    {
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var pair = await FailoverPair.StartAsync(
            influx.Url, await influx.CreateDatabaseAsync("failover"), await postgres.Server.CreateDatabaseAsync(), haproxy);
        var (holder, survivor) = await pair.WaitForHolderAsync(TimeSpan.FromSeconds(60));
        // Through the instance that does not act: a person's command works on any instance, the holder reads it from the store.
        var id = await FailoverPair.StartRolloutAsync(survivor);
        await WaitUntilJudgedAsync(holder, id);
        Assert.StartsWith("1 ", await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Instance {survivor.Name} holds the automation lease", survivor.Output, StringComparison.Ordinal);

        var killedAt = DateTimeOffset.UtcNow;
        await holder.KillAsync();
        // The canary fails from the kill on, one bad point a second; the survivor alone can act on it.
        using var stop = new CancellationTokenSource();
        var writer = pair.WriteBadCanaryPointsAsync(stop.Token);
        var polledAgain = await Eventually.UntilAsync(
            () => survivor.GetAsync("/api/guardrails/status"),
            status => status.GetProperty("lastPollAt") is { ValueKind: JsonValueKind.String } at && at.GetDateTimeOffset() > killedAt,
            TimeSpan.FromSeconds(30),
            "the survivor's guardrails to poll",
            last => $"{last}\nSurvivor's output:\n{survivor.Output}");
        var rolledBack = await Eventually.UntilAsync(
            () => survivor.GetAsync($"/api/rollouts/{id}"),
            rollout => rollout.GetProperty("currentState").GetString() == "RolledBack",
            Generous,
            "the survivor to roll back",
            last => $"{last}\nSurvivor's output:\n{survivor.Output}");
        var applied = await Eventually.UntilAsync(
            () => survivor.GetAsync($"/api/rollouts/{id}/traffic"),
            changes => changes.EnumerateArray().Last() is var last && last.GetProperty("status").GetString() != "Requested",
            TimeSpan.FromSeconds(30),
            "the rollback's traffic change settled");
        await stop.CancelAsync();
        await writer;
        var events = (await survivor.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().ToList();
        var weight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");

        var rollback = Assert.Single(events, e => e.GetProperty("kind").GetString() == "rollout.rolledBack");
        var toZero = Assert.Single(applied.EnumerateArray(), c => c.GetProperty("toPercent").GetInt32() == 0);
        var actedAfter = rollback.GetProperty("at").GetDateTimeOffset() - killedAt;
        var pollingAfter = polledAgain.GetProperty("lastPollAt").GetDateTimeOffset() - killedAt;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"SIGKILL of the holder → the survivor's guardrails poll {pollingAfter.TotalSeconds:0.0} s → rollback saved {actedAfter.TotalSeconds:0.0} s"));
        // Generous against the 1.3 s measured (docs/high-availability.md, "Numbers"): the dead session's end, a try, a poll.
        Assert.True(pollingAfter < TimeSpan.FromSeconds(15), $"the survivor's guardrails polled {pollingAfter} after the kill");
        Assert.Equal("automation (guardrails)", rollback.GetProperty("actor").GetString());
        Assert.Equal(("Applied", 0), (toZero.GetProperty("status").GetString(), toZero.GetProperty("readBackPercent").GetInt32()));
        Assert.Equal("RolledBack", rolledBack.GetProperty("status").GetString());
        Assert.StartsWith("0 ", weight, StringComparison.Ordinal);
        Assert.Contains($"Instance {survivor.Name} holds the automation lease", survivor.Output, StringComparison.Ordinal);
        Assert.Equal($"held by {survivor.Name} (this instance)", await survivor.LeaseTextAsync());
        Assert.True(actedAfter > TimeSpan.Zero && actedAfter < Generous, $"the survivor acted {actedAfter} after the kill");
    }

    /// <summary>The holder's guardrail status once it judges the rollout on the phase's own data (not blind).</summary>
    private static Task<JsonElement> WaitUntilJudgedAsync(FailoverInstance holder, Guid id) =>
        Eventually.UntilAsync(
            () => holder.GetAsync("/api/guardrails/status"),
            status => status.GetProperty("blindReason").ValueKind == JsonValueKind.Null
                && status.GetProperty("rollouts").EnumerateArray().Any(r => r.GetProperty("rolloutId").GetGuid() == id),
            TimeSpan.FromSeconds(60),
            "the holder to judge the rollout",
            last => $"{last}\nHolder's output:\n{holder.Output}");
}
