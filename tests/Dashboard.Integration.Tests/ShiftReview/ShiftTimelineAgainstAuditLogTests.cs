using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.Guardrails;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.ShiftReview;

namespace Dashboard.Integration.Tests.ShiftReview;

/// <summary>
/// A scripted rollout in the real app at <c>Rollout:TimeScale=240</c> against the demo's data in a real influxd: traffic
/// changes, an incident's life, a checkpoint verdict, a hold and a resume, then an error spike whose guardrail streak
/// grows and rolls back. The handoff timeline of that window is checked against the rollout's audit log.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ShiftTimelineAgainstAuditLogTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task ScriptedRollout_EveryAuditedKindOfItsHistory_AppearsOnTheTimeline()
    {
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string>
        {
            ["Rollout__TimeScale"] = "240",
            ["Rollout__CheckpointSettleDelay"] = "00:00:05",
            ["Metrics__PointInterval"] = "00:00:01",
            ["CheckpointEvaluation__SampleInterval"] = "00:00:01",
            ["Demo__ProbesPerSecond"] = "500",
        });
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await GuardrailApp.StartRolloutAsync(app);
        await GuardrailApp.WaitUntilJudgedAsync(app, id);

        var incident = await PostOkAsync(app, $"/api/rollouts/{id}/incidents", new { severity = "high", title = "Slow search", description = "p99 up", owner = "carol", dataLoss = false }, HttpStatusCode.Created);
        var incidentId = incident.GetProperty("id").GetGuid();
        await PostOkAsync(app, $"/api/incidents/{incidentId}/updates", new { text = "warming the cache" });
        await PostOkAsync(app, $"/api/incidents/{incidentId}/resolve", new { text = "cache warm again" });
        await PostOkAsync(app, $"/api/rollouts/{id}/traffic", new { percent = 2, reason = "more samples" });
        var verdicts = await app.WaitForAsync(() => app.GetAsync($"/api/rollouts/{id}/checkpoints"), v => v.GetArrayLength() > 0, "a checkpoint verdict", TimeSpan.FromMinutes(1));
        // FAIL and NO_DATA hold the phase by themselves, just after the verdict is saved (docs/checkpoints.md, "What a
        // verdict does"); after any other verdict the phase runs on and the operator holds it.
        if (verdicts[0].GetProperty("verdict").GetString() is "Fail" or "NoData")
        {
            await app.WaitForStateAsync(id, "Held");
        }
        else
        {
            await PostOkAsync(app, $"/api/rollouts/{id}/hold", new { reason = "reading the verdict" });
        }

        await PostOkAsync(app, $"/api/rollouts/{id}/resume", new { reason = "verdict read" });
        // A revenue drop: revenue impact is a value rule, so its breach grows a streak of polls before the rollback
        // (an error spike is proven by the sequential test and rolls back on the first poll, with no streak to show).
        await PostOkAsync(app, "/api/demo/faults", new { kind = "revenueDrop", magnitude = 20, durationSeconds = 300 }, HttpStatusCode.Created);
        await app.WaitForStateAsync(id, "RolledBack");
        await GuardrailApp.WaitForAsync(app, "the rollback's traffic change settled", async () =>
        {
            var all = await app.GetAsync($"/api/rollouts/{id}/traffic");
            return all.EnumerateArray().Last().GetProperty("status").GetString() == "Requested" ? null : all;
        });
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        var events = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
            .Select(e => (Sequence: e.GetProperty("sequence").GetInt64(), Kind: e.GetProperty("kind").GetString()!, At: e.GetProperty("at").GetDateTimeOffset()))
            .Where(e => e.At >= from && e.At < to && TimelineEntryBuilder.AuditKinds.Contains(e.Kind))
            .ToList();
        var timeline = (await app.GetAsync($"/api/timeline?from={UrlTime.Stamp(from)}&to={UrlTime.Stamp(to)}&rolloutId={id}")).EnumerateArray().ToList();

        var kindOf = events.ToDictionary(e => e.Sequence, e => e.Kind);
        var shownKinds = timeline.Select(t => kindOf[t.GetProperty("sequence").GetInt64()]).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "rollout.created", "rollout.started", "traffic.changeRequested", "traffic.changeApplied", "incident.opened", "incident.updated",
                "incident.resolved", "checkpoint.evaluated", "phase.held", "phase.resumed", "guardrail.streakGrew", "rollout.rolledBack",
            },
            events.Select(e => e.Kind).ToHashSet());
        // A blind period that ended is shown by its end alone; everything else of the log is on the timeline, newest first.
        Assert.Equal(events.Select(e => Folded(e.Kind)).ToHashSet(), shownKinds.Select(Folded).ToHashSet());
        Assert.Subset(timeline.Select(t => t.GetProperty("sequence").GetInt64()).ToHashSet(), events.Where(e => !e.Kind.StartsWith("guardrail.", StringComparison.Ordinal)).Select(e => e.Sequence).ToHashSet());
        Assert.Equal(timeline.Select(t => t.GetProperty("sequence").GetInt64()).OrderDescending(), timeline.Select(t => t.GetProperty("sequence").GetInt64()));
        var streak = timeline.Single(t => t.GetProperty("kind").GetString() == "GuardrailStreak");
        Assert.Contains("breached 2 of 3 polls in a row; no action", streak.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("GuardrailAction", timeline.Single(t => kindOf[t.GetProperty("sequence").GetInt64()] == "rollout.rolledBack").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task TimelineApi_ABadWindow_Is400ListingEveryProblemByField()
    {
        await using var app = await GuardrailApp.StartAsync(influx);

        using var response = await app.Http.GetAsync("/api/timeline?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&kind=weather&rolloutId=x");
        var body = await app.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["kind", "rolloutId", "to"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var openApi = await app.GetAsync("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/timeline", out _), "GET /api/timeline is in the OpenAPI document");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/shift-review", out _), "GET /api/shift-review is in the OpenAPI document");
    }

    private static string Folded(string kind) => kind.StartsWith("guardrail.blind", StringComparison.Ordinal) ? "guardrail.blind" : kind;

    private static async Task<JsonElement> PostOkAsync(RolloutApiApp app, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, answer) = await app.PostAsync(path, body);
        Assert.True(status == expected, $"{path}: {status} {answer}\n{app.Output}");
        return answer;
    }
}
