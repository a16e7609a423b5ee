using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary><c>POST /api/rollouts/{id}/checkpoints/{phaseIndex}/{offsetSeconds}/rerun</c> through the real app.</summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointRerunApiTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task Rerun_AfterLateData_ReturnsAFreshEvaluationMarkingTheChange_KeepsTheStoredVerdict_IsAudited_AndDoesNotAct()
    {
        var database = await influx.CreateDatabaseAsync("rerun");
        await using var app = await CheckpointPageApp.StartAsync(influx, new Dictionary<string, string> { ["Influx__Database"] = database });
        var (id, stored) = await CheckpointPageApp.StartRolloutWithFirstVerdictAsync(app);
        // Checkpoints keep firing while the phase runs (the next one 15 s later): hold it, as someone looking into late data
        // would, so that only the re-run can change what is compared below (a held phase has no checkpoint scheduled).
        // A FAIL or NO_DATA verdict holds it by itself, and then this hold is refused; either way, wait until it is held.
        await app.PostAsync($"/api/rollouts/{id}/hold", new { reason = "looking into late data" });
        await app.WaitForStateAsync(id, "Held");
        var before = ActingEvents(await app.GetAsync($"/api/rollouts/{id}/events"));
        var stateBefore = (await app.GetAsync($"/api/rollouts/{id}")).GetProperty("currentState").GetString();

        // A canary batch that arrives late: inside the window, written after the verdict was stored.
        var late = stored.GetProperty("evaluation").GetProperty("window").GetProperty("phaseStart").GetDateTimeOffset().AddSeconds(2);
        await WriteAsync(database, $"requests,cohort=canary,segment=A,region=eu count=400i,errors=400i,le_inf=400i {late.ToUnixTimeMilliseconds()}");
        var path = $"/api/rollouts/{id}/{CheckpointPageApp.FirstCheckpoint}/rerun";

        var (missing, problems) = await app.PostAsync(path, new { });
        var (status, rerun) = await app.PostAsync(path, new { reason = "did late data arrive?" });
        var verdicts = await app.GetAsync($"/api/rollouts/{id}/checkpoints");
        var events = await app.GetAsync($"/api/rollouts/{id}/events");
        var rollout = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(["reason"], problems.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, status);
        var fresh = rerun.GetProperty("fresh");
        var window = stored.GetProperty("evaluation").GetProperty("window");
        Assert.Equal(window.GetProperty("dueAt").GetDateTimeOffset(), fresh.GetProperty("window").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(window.GetProperty("phaseStart").GetDateTimeOffset(), fresh.GetProperty("window").GetProperty("phaseStart").GetDateTimeOffset());
        Assert.True(fresh.GetProperty("evaluatedAt").GetDateTimeOffset() > stored.GetProperty("evaluatedAt").GetDateTimeOffset());
        Assert.Equal(stored.GetProperty("evaluation").GetProperty("criteria").GetArrayLength(), rerun.GetProperty("changes").GetArrayLength());
        var errorRate = fresh.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "errorRatePct");
        Assert.Contains("SELECT", errorRate.GetProperty("query").GetString(), StringComparison.Ordinal);
        var change = rerun.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "errorRatePct");
        Assert.True(change.GetProperty("cumulativeDiffers").GetBoolean(), change.ToString());
        Assert.True(change.GetProperty("freshCumulative").GetDouble() > change.GetProperty("storedCumulative").GetDouble(), change.ToString());
        Assert.True(rerun.GetProperty("anyDifference").GetBoolean());

        // The stored verdict is untouched and still the only one.
        Assert.Equal(1, verdicts.GetArrayLength());
        Assert.Equal(stored.GetProperty("evaluatedAt").GetDateTimeOffset(), verdicts[0].GetProperty("evaluatedAt").GetDateTimeOffset());
        var reevaluated = events.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "checkpoint.reevaluated");
        Assert.Equal(TestPeople.Admin, reevaluated.GetProperty("actor").GetString());
        Assert.Contains("did late data arrive?", reevaluated.GetProperty("payload").GetRawText(), StringComparison.Ordinal);

        // Nothing acted: only the audit event of the re-run was added.
        // (The intensive cadence may record a health check meanwhile; it records, it does not act.)
        Assert.Equal([.. before, "checkpoint.reevaluated"], ActingEvents(events));
        Assert.Equal(stateBefore, rollout.GetProperty("currentState").GetString());
    }

    /// <summary>The rollout's event kinds but the health checks the intensive cadence records meanwhile (they record, they do not act).</summary>
    private static List<string?> ActingEvents(JsonElement events) => [.. CheckpointPageApp.EventKinds(events).Where(kind => kind != "healthCheck.recorded")];

    private async Task WriteAsync(string database, string lineProtocol)
    {
        using var http = new HttpClient { BaseAddress = influx.Url };
        using var content = new StringContent(lineProtocol);
        using var response = await http.PostAsync($"/write?db={database}&precision=ms", content);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
