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
        await using var pair = await LeaseFailover.StartPairAsync(influx.Server, postgres.Server, haproxy);
        var (holder, survivor) = await pair.WaitForLeaseHolderAsync(TimeSpan.FromSeconds(60));
        // Through the instance that does not act: a person's command works on any instance, the holder reads it from the store.
        var id = await LeaseFailover.StartRolloutAsync(survivor);
        await WaitUntilJudgedAsync(holder, id);
        Assert.StartsWith("1 ", await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Instance {survivor.InstanceName} holds the automation lease", survivor.Output, StringComparison.Ordinal);

        var killedAt = DateTimeOffset.UtcNow;
        await holder.KillAsync();
        // The canary fails from the kill on, one bad point a second; the survivor alone can act on it.
        using var stop = new CancellationTokenSource();
        var writer = LeaseFailover.WriteBadCanaryPointsAsync(pair, stop.Token);
        var polledAgain = await Eventually.UntilAsync(
            () => survivor.GetAsync("/api/guardrails/status"),
            status => status.GetProperty("lastPollAt") is { ValueKind: JsonValueKind.String } at && at.GetDateTimeOffset() > killedAt,
            TimeSpan.FromSeconds(30),
            "the survivor's guardrails to poll",
            last => $"{last}\nSurvivor's output:\n{survivor.Output}");
        var (rolledBack, applied) = await RolledBackAsync(survivor, id);
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
        Assert.Contains($"Instance {survivor.InstanceName} holds the automation lease", survivor.Output, StringComparison.Ordinal);
        Assert.Equal($"held by {survivor.InstanceName} (this instance)", await survivor.LeaseTextAsync());
        Assert.True(actedAfter > TimeSpan.Zero && actedAfter < Generous, $"the survivor acted {actedAfter} after the kill");
    }

    [Fact]
    public async Task HolderKilledMidStreak_SurvivorContinuesTheSameStreak_RollsBackOnceAndHaproxyReadsZero()
    {
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var pair = await LeaseFailover.StartPairAsync(
            influx.Server,
            postgres.Server,
            haproxy,
            new Dictionary<string, string> { ["Guardrails__ConsecutiveBreaches"] = StreakPolls.ToString(CultureInfo.InvariantCulture) });
        var (holder, survivor) = await pair.WaitForLeaseHolderAsync(TimeSpan.FromSeconds(60));
        await survivor.CreatePlanAsync(SegmentStreakPlan);
        var id = await LeaseFailover.StartRolloutAsync(survivor, "failover-streak");
        await WaitUntilJudgedAsync(holder, id);

        // Segment A's canary fails from now on, one bad point a second; the trigger is judged on the window's values,
        // so it must hold for five polls in a row. The holder is killed once it has counted (and stored) two of them.
        using var stop = new CancellationTokenSource();
        var writer = LeaseFailover.WriteBadCanaryPointsAsync(pair, stop.Token);
        var midStreak = await Eventually.UntilAsync(
            () => StreakGrowthAsync(survivor, id),
            growth => growth.Any(g => g.Count >= 2),
            Generous,
            $"the holder's streak to reach 2 of {StreakPolls}",
            last => $"{string.Join(", ", last)}\nHolder's output:\n{holder.Output}");
        var killedAt = DateTimeOffset.UtcNow;
        await holder.KillAsync();
        var (rolledBack, applied) = await RolledBackAsync(survivor, id);
        await stop.CancelAsync();
        await writer;
        var events = (await survivor.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().ToList();
        var growth = await StreakGrowthAsync(survivor, id);
        var weight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");

        var rollback = Assert.Single(events, e => e.GetProperty("kind").GetString() == "rollout.rolledBack");
        var toZero = Assert.Single(applied.EnumerateArray(), c => c.GetProperty("toPercent").GetInt32() == 0);
        var rolledBackAt = rollback.GetProperty("at").GetDateTimeOffset();
        var since = midStreak.First().Since;
        var countedByHolder = midStreak.Max(g => g.Count);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"streak {countedByHolder} of {StreakPolls} since {since:HH:mm:ss.fff} when the holder was killed → rollback saved {(rolledBackAt - killedAt).TotalSeconds:0.0} s later; growth {string.Join(", ", growth)}"));
        // The dead holder did not act; the survivor did, on the same streak: it began before the kill and was not started over,
        // so the survivor needed at most the polls the holder had left (lease timeout + 3 polls).
        Assert.True(rolledBackAt > killedAt, $"the rollback was saved at {rolledBackAt:O}, before the holder was killed at {killedAt:O}");
        Assert.True(since < killedAt, $"the streak began at {since:O}, after the kill at {killedAt:O}");
        Assert.All(growth, g => Assert.Equal(since, g.Since));
        Assert.True(
            growth.Where(g => g.At > killedAt).All(g => g.Count >= countedByHolder),
            $"the survivor started the streak over: {string.Join(", ", growth)}");
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"held for {StreakPolls} consecutive polls ({StreakPolls} required) since {since.UtcDateTime:HH:mm:ss} UTC"),
            rollback.GetProperty("payload").GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("automation (guardrails)", rollback.GetProperty("actor").GetString());
        Assert.Equal(("Applied", 0), (toZero.GetProperty("status").GetString(), toZero.GetProperty("readBackPercent").GetInt32()));
        Assert.Equal("RolledBack", rolledBack.GetProperty("status").GetString());
        Assert.StartsWith("0 ", weight, StringComparison.Ordinal);
        Assert.Equal($"held by {survivor.InstanceName} (this instance)", await survivor.LeaseTextAsync());
    }

    private const int StreakPolls = 5;

    // One trigger, on a value the window computes (not a count ratio the sequential test proves): a streak of polls.
    private const string SegmentStreakPlan = """
        {
          "id": "failover-streak",
          "name": "Failover streak",
          "description": "Rolls back when one segment's canary error rate stands out for five polls in a row.",
          "phases": [
            {
              "name": "canary",
              "trafficPercent": 1,
              "expectedPopulation": "5K learners",
              "duration": "2h",
              "checkpoints": ["1h", "2h"],
              "criteria": [ { "metric": "segmentVariancePp", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "autoRollbackTriggers": [ { "metric": "segmentVariancePp", "comparator": ">", "threshold": 5 } ],
              "contingencyRules": [],
              "gate": { "type": "autoAdvance" }
            }
          ]
        }
        """;

    /// <summary>The rollout's <c>guardrail.streakGrew</c> events, oldest first.</summary>
    private static async Task<List<StreakGrowth>> StreakGrowthAsync(RolloutApiApp instance, Guid id) =>
        [.. (await instance.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "guardrail.streakGrew")
            .Select(e => new StreakGrowth(
                e.GetProperty("at").GetDateTimeOffset(),
                e.GetProperty("payload").GetProperty("count").GetInt32(),
                e.GetProperty("payload").GetProperty("since").GetDateTimeOffset()))];

    private sealed record StreakGrowth(DateTimeOffset At, int Count, DateTimeOffset Since)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} at {At:HH:mm:ss.fff}");
    }

    /// <summary>The rollout once <paramref name="survivor"/> rolled it back, and its traffic changes once the rollback's settled.</summary>
    private static async Task<(JsonElement Rollout, JsonElement Changes)> RolledBackAsync(RolloutApiApp survivor, Guid id)
    {
        var rolledBack = await Eventually.UntilAsync(
            () => survivor.GetAsync($"/api/rollouts/{id}"),
            rollout => rollout.GetProperty("currentState").GetString() == "RolledBack",
            Generous,
            "the survivor to roll back",
            last => $"{last}\nSurvivor's output:\n{survivor.Output}");
        var settled = await Eventually.UntilAsync(
            () => survivor.GetAsync($"/api/rollouts/{id}/traffic"),
            changes => changes.EnumerateArray().Last() is var last && last.GetProperty("status").GetString() != "Requested",
            TimeSpan.FromSeconds(30),
            "the rollback's traffic change settled");
        return (rolledBack, settled);
    }

    /// <summary>The holder's guardrail status once it judges the rollout on the phase's own data (not blind).</summary>
    private static Task<JsonElement> WaitUntilJudgedAsync(RolloutApiApp holder, Guid id) =>
        Eventually.UntilAsync(
            () => holder.GetAsync("/api/guardrails/status"),
            status => status.GetProperty("blindReason").ValueKind == JsonValueKind.Null
                && status.GetProperty("rollouts").EnumerateArray().Any(r => r.GetProperty("rolloutId").GetGuid() == id),
            TimeSpan.FromSeconds(60),
            "the holder to judge the rollout",
            last => $"{last}\nHolder's output:\n{holder.Output}");
}
