using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The guardrails judge only points that hold the current split's traffic alone: from one point interval
/// (5 s) after the phase began or its traffic last changed (docs/guardrails.md, "Window"). Until then every
/// rule reads "not enough evidence yet" — never a pass, never an action.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailJudgedWindowTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan PointInterval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CanaryPointsOfTheFirstPointInterval_HalfErrors_AreNeverJudgedAndNothingRollsBack()
    {
        var database = await influx.CreateDatabaseAsync("guardrails");
        await using var writer = new MetricsReaderHost(influx.Url, database);
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string> { ["Influx__Database"] = database });
        var id = await GuardrailApp.StartRolloutAsync(app);
        var changed = await SettledAtAsync(app, id);

        // Points stamped before the first interval after the change counted traffic from before it: as a previous
        // candidate's, half of them failed. Judged, they would roll the fresh rollout back within 3 polls.
        var stale = Enumerable.Range(-3, 8).Select(second => changed.AddSeconds(second + 0.5)).ToList();
        await writer.Influx.WriteAsync([.. stale.Select(at => FailingCanaryPoint(at))]);
        var judgedFrom = changed + PointInterval;
        // Until the error trigger is proven clean on the phase's own data: how soon depends on the machine, not on this test.
        var polls = await PollsUntilAsync(app, judgedFrom.AddSeconds(14), seen => seen.Exists(p => p.BlindReason is null && p.ErrorTrigger == "Clean"));

        var rollout = await app.GetAsync($"/api/rollouts/{id}");
        Assert.Equal("Running", rollout.GetProperty("currentState").GetString());
        // A poll that began before the change settled still knew only the weight before it.
        var early = polls.Where(p => p.At > changed && p.At < judgedFrom && p.ErrorTrigger is not null).ToList();
        Assert.NotEmpty(early);
        Assert.All(early, AwaitsTheJudgedData);
        Assert.All(polls, p => Assert.NotEqual("Breached", p.ErrorTrigger));
        Assert.Contains(polls, p => p.BlindReason is null && p.ErrorTrigger == "Clean");
        Assert.All(polls.Where(p => p.BlindReason is null && p.At >= judgedFrom), p => Assert.True(
            p.WindowSeconds <= (p.At - judgedFrom).TotalSeconds, $"a window of {p.WindowSeconds} s at {p.At:HH:mm:ss.fff} reaches before {judgedFrom:HH:mm:ss.fff}"));
    }

    [Fact]
    public async Task TrafficChange_RestartsTheJudgedWindowFromTheChange()
    {
        await using var app = await GuardrailApp.StartAsync(influx);
        var id = await GuardrailApp.StartRolloutAsync(app);
        await GuardrailApp.WaitUntilJudgedAsync(app, id);

        var (status, body) = await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 2, reason = "more traffic" });
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        var changed = await SettledAtAsync(app, id);
        var judgedFrom = changed + PointInterval;
        var polls = await PollsUntilAsync(app, judgedFrom.AddSeconds(4));

        var before = polls.Where(p => p.At > changed && p.At < judgedFrom).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, AwaitsTheJudgedData);
        Assert.All(polls.Where(p => p.BlindReason is null && p.At >= judgedFrom), p => Assert.True(p.WindowSeconds <= (p.At - judgedFrom).TotalSeconds, $"{p.WindowSeconds} s at {p.At:HH:mm:ss.fff}"));
    }

    // Before the first point of the phase's own traffic: data flows (not blind), nothing is judged, the rules wait.
    private static void AwaitsTheJudgedData(Poll poll)
    {
        Assert.Null(poll.BlindReason);
        Assert.Equal(0, poll.WindowSeconds);
        Assert.Equal("NotEnoughEvidence", poll.ErrorTrigger);
        Assert.StartsWith("not enough data yet", poll.ValueRulesWaiting, StringComparison.Ordinal);
    }

    /// <summary>When the rollout's latest traffic change settled (the router confirmed it).</summary>
    internal static async Task<DateTimeOffset> SettledAtAsync(RolloutApiApp app, Guid id)
    {
        var settled = await GuardrailApp.WaitForAsync(app, "the traffic change settled", async () =>
        {
            var last = (await app.GetAsync($"/api/rollouts/{id}/traffic")).EnumerateArray().Last();
            return last.GetProperty("status").GetString() == "Applied" ? last : null;
        });
        return settled.GetProperty("settledAt").GetDateTimeOffset();
    }

    /// <summary>Every distinct poll the status shows until one at or after <paramref name="until"/> once the polls are <paramref name="enough"/>.</summary>
    private static async Task<List<Poll>> PollsUntilAsync(RolloutApiApp app, DateTimeOffset until, Func<List<Poll>, bool>? enough = null)
    {
        var polls = new List<Poll>();
        await GuardrailApp.WaitForAsync(app, $"a poll at {until:HH:mm:ss}", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            if (status.GetProperty("lastPollAt").ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var poll = Poll.Of(status);
            if (polls.Count == 0 || polls[^1].At < poll.At)
            {
                polls.Add(poll);
            }

            return poll.At >= until && (enough?.Invoke(polls) ?? true) ? status : null;
        });
        return polls;
    }

    private static InfluxPoint FailingCanaryPoint(DateTimeOffset at)
    {
        var point = new InfluxPoint("requests", at)
            .Tag("service", "ultra-fast-analyzer").Tag("cohort", "canary").Tag("segment", "stale").Tag("region", "eu")
            .Field("count", 100_000L).Field("errors", 50_000L);
        foreach (var bucket in LatencyHistogram.FieldNames)
        {
            point.Field(bucket, 100_000L);
        }

        return point;
    }

    private sealed record Poll(DateTimeOffset At, string? BlindReason, int WindowSeconds, string? ErrorTrigger, string? ValueRulesWaiting)
    {
        public static Poll Of(JsonElement status)
        {
            var rules = status.GetProperty("rollouts").EnumerateArray().SelectMany(r => r.GetProperty("rules").EnumerateArray());
            var error = rules.FirstOrDefault(r => r.GetProperty("ruleId").GetString() == "trigger:0");
            return new(
                status.GetProperty("lastPollAt").GetDateTimeOffset(),
                status.GetProperty("blindReason").GetString(),
                status.GetProperty("windowSeconds").GetInt32(),
                error.ValueKind == JsonValueKind.Object ? error.GetProperty("reading").GetString() : null,
                status.GetProperty("valueRulesWaiting").GetString());
        }
    }
}
