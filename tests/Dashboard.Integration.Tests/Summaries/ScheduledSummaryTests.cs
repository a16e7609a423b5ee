using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Summaries;

/// <summary>
/// Executive summaries scheduled by Quartz in the state database beside the checkpoints, generated from the
/// demo's data in a real influxd at <c>Rollout:TimeScale=3600</c> (a planned hour takes a second), through the
/// real app as a child process, which the test kills with SIGKILL between two milestones.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ScheduledSummaryTests(InfluxServerFixture influx) : IDisposable
{
    private const string PlanId = "summary-soak";

    /// <summary>One 24 h phase (24 s scaled): milestones at 8 h and 24 h, checked once at 24 h, then sign-off.</summary>
    private const string Plan = """
        {
          "id": "summary-soak",
          "name": "Summary soak",
          "phases": [
            {
              "name": "soak", "trafficPercent": 5, "duration": "24h", "checkpoints": ["24h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "gate": { "type": "signOff", "roles": ["engineeringLead"] }
            }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("summaries-test-").FullName;

    [Fact]
    public async Task LongPhase_AppKilledBetweenMilestones_EachMilestoneIsSummarisedOnceAndNothingChangesOnReRead()
    {
        var settings = await SettingsAsync();
        var state = Path.Combine(_folder, "state.db");
        Guid id;
        DateTimeOffset startedAt;
        string eightHours;
        await using (var first = await RolloutApiApp.StartAsync(influx.Url, state, settings))
        {
            await first.CreatePlanAsync(Plan);
            id = await first.CreateRolloutAsync(PlanId);
            var (status, started) = await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
            Assert.Equal(HttpStatusCode.OK, status);
            startedAt = started.GetProperty("rollout").GetProperty("startedAt").GetDateTimeOffset();

            var listed = Assert.Single(await WaitForSummariesAsync(first, id, 1));
            Assert.True(DateTimeOffset.UtcNow < startedAt.AddSeconds(24), "The 24 h milestone fell due before the test looked; the kill must come before it.");
            eightHours = await first.Http.GetStringAsync($"/api/rollouts/{id}/summaries/{listed.GetProperty("id").GetGuid()}");
        } // SIGKILL, as a crash would.

        // The 24 h milestone (and the checkpoint) fall due while the app is down; it comes back well after them.
        var restartAt = startedAt + TimeSpan.FromSeconds(32);
        if (restartAt > DateTimeOffset.UtcNow)
        {
            await Task.Delay(restartAt - DateTimeOffset.UtcNow);
        }

        await using var second = await RolloutApiApp.StartAsync(influx.Url, state, settings);
        var twoSummaries = await WaitForSummariesAsync(second, id, 2);
        // The 24 h checkpoint fell due with the milestone, and its verdict moves the phase on (to sign-off, or held): an
        // abort sent while that is being saved is refused as a concurrent change (409), so it waits for the phase to move.
        await second.WaitForRolloutAsync(
            id, r => r.GetProperty("currentState").GetString() != "Running", "the 24 h checkpoint's verdict followed up", TimeSpan.FromSeconds(90));
        var (abortStatus, abortAnswer) = await second.PostAsync($"/api/rollouts/{id}/abort", new { reason = "enough soak" });
        Assert.True(abortStatus == HttpStatusCode.OK, $"abort: {abortStatus} {abortAnswer}");
        var all = await WaitForSummariesAsync(second, id, 3);
        var events = await second.GetAsync($"/api/rollouts/{id}/events");

        Assert.Equal(["8h", "24h"], twoSummaries.Select(s => s.GetProperty("milestone").GetString()));
        Assert.Equal(["8h", "24h", "end"], all.Select(s => s.GetProperty("milestone").GetString()));
        Assert.Equal(3, events.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "summary.generated"));
        Assert.Equal(eightHours, await second.Http.GetStringAsync($"/api/rollouts/{id}/summaries/{all[0].GetProperty("id").GetGuid()}"));

        var eight = JsonDocument.Parse(eightHours).RootElement;
        Assert.Equal("8 h into soak", eight.GetProperty("title").GetString());
        Assert.Equal(startedAt.AddSeconds(8), eight.GetProperty("periodEnd").GetDateTimeOffset());
        var criterion = Assert.Single(eight.GetProperty("criteria").EnumerateArray());
        Assert.Equal(("Error rate", "< 5 %"), (criterion.GetProperty("metric").GetString(), criterion.GetProperty("threshold").GetString()));
        Assert.Equal("Revenue impact", eight.GetProperty("revenue").GetProperty("metric").GetString());
        Assert.Contains(eight.GetProperty("traffic").EnumerateArray(), t => t.GetProperty("toPercent").GetInt32() == 5);

        var day = await second.GetAsync($"/api/rollouts/{id}/summaries/{all[1].GetProperty("id").GetGuid()}");
        Assert.Equal(startedAt.AddSeconds(24), day.GetProperty("periodEnd").GetDateTimeOffset());
        Assert.True(TimeSpan.Parse(day.GetProperty("lateBy").GetString()!, CultureInfo.InvariantCulture) > TimeSpan.FromSeconds(5), day.ToString());

        var end = await second.GetAsync($"/api/rollouts/{id}/summaries/{all[2].GetProperty("id").GetGuid()}");
        Assert.Equal(("End of soak", "Stopped", "aborted"), (end.GetProperty("title").GetString(), end.GetProperty("status").GetProperty("outlook").GetString(), end.GetProperty("status").GetProperty("rollout").GetString()));
        Assert.StartsWith("Nothing more", end.GetProperty("next")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhaseEndedAtOnce_EndSummaryAtThatMoment_SaysNoDataNeverPass_AndExportsMarkdown()
    {
        // Nothing writes to InfluxDB, and the phase is rolled back the moment it starts.
        var settings = await SettingsAsync();
        settings["Demo__Enabled"] = "false";
        await using var app = await RolloutApiApp.StartAsync(influx.Url, Path.Combine(_folder, "state.db"), settings);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var (status, rolledBack) = await app.PostAsync($"/api/rollouts/{id}/rollback", new { reason = "wrong build" });
        Assert.Equal(HttpStatusCode.OK, status);

        var listed = Assert.Single(await WaitForSummariesAsync(app, id, 1));
        var path = $"/api/rollouts/{id}/summaries/{listed.GetProperty("id").GetGuid()}";
        var summary = await app.GetAsync(path);
        using var markdown = await app.Http.GetAsync($"{path}?format=markdown");
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, path);
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        using var accepted = await app.Http.SendAsync(byAccept);
        using var badFormat = await app.Http.GetAsync($"{path}?format=pdf");
        var text = await markdown.Content.ReadAsStringAsync();

        Assert.Equal("end", summary.GetProperty("milestone").GetString());
        Assert.Equal(rolledBack.GetProperty("rollout").GetProperty("phases")[0].GetProperty("endedAt").GetDateTimeOffset(), summary.GetProperty("periodEnd").GetDateTimeOffset());
        var unmeasured = summary.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("value").GetString() == "no data").ToList();
        Assert.Contains(unmeasured, c => c.GetProperty("metric").GetString() == "Error rate");
        Assert.All(unmeasured, c => Assert.Equal("NoData", c.GetProperty("verdict").GetString()));
        Assert.Equal("Stopped", summary.GetProperty("status").GetProperty("outlook").GetString());
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# analyzer 1.5.0: End of canary", text, StringComparison.Ordinal);
        Assert.Contains("| Error rate | < ", text, StringComparison.Ordinal);
        Assert.Contains("NO DATA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("errorRatePct", text, StringComparison.Ordinal);
        Assert.Equal(text, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("\"format\"", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Dictionary<string, string>> SettingsAsync() => new()
    {
        ["Influx__Database"] = await influx.CreateDatabaseAsync("summaries"),
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["Demo__BackfillHours"] = "0.05",
        ["Rollout__TimeScale"] = "3600",
        ["Rollout__CheckpointSettleDelay"] = "00:00:01",
    };


    private static async Task<List<JsonElement>> WaitForSummariesAsync(RolloutApiApp app, Guid id, int count) =>
        [.. (await app.WaitForAsync(() => app.GetAsync($"/api/rollouts/{id}/summaries"), s => s.GetArrayLength() >= count, $"{count} summaries", TimeSpan.FromSeconds(90))).EnumerateArray()];
}
