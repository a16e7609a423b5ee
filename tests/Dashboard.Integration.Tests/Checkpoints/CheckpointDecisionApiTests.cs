using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary><c>POST /api/rollouts/{id}/checkpoints/{phaseIndex}/{offsetSeconds}/decision</c> through the real app.</summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointDecisionApiTests(InfluxServerFixture influx)
{
    private static readonly string[] NotPassing = ["Fail", "NoData"];

    // The app runs on the real clock, and a due date in the past is refused.
    private static readonly string Due = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task RecordDecision_OnAnEvaluatedCheckpoint_Is201AuditedAndListedBackLatestLast()
    {
        // No data flows, so the first checkpoint is NO_DATA and holds the phase: a verdict a person must decide on.
        await using var app = await CheckpointPageApp.StartAsync(influx, new Dictionary<string, string> { ["Demo__Enabled"] = "false" });
        var (id, _) = await CheckpointPageApp.StartRolloutWithFirstVerdictAsync(app);
        var path = $"/api/rollouts/{id}/{CheckpointPageApp.FirstCheckpoint}";
        await app.WaitForStateAsync(id, "Held");

        var (first, created) = await app.PostAsync($"{path}/decision", new
        {
            decision = "MonitorClosely",
            notes = "no metrics arrived; the collector was restarted",
            actionItems = new object[] { new { text = "alert on a silent collector", owner = "bob", due = Due } },
        });
        var (second, _) = await app.PostAsync($"{path}/decision", new { decision = "continue", notes = "checked the incident channel by hand" });
        var checkpoint = await app.GetAsync(path);
        var events = await app.GetAsync($"/api/rollouts/{id}/events");
        var rollout = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Created, second);
        Assert.Equal("MonitorClosely", created.GetProperty("decision").GetString());
        Assert.Equal(TestPeople.Admin, created.GetProperty("decidedBy").GetString());
        var decisions = checkpoint.GetProperty("decisions");
        Assert.Equal(["MonitorClosely", "Continue"], decisions.EnumerateArray().Select(d => d.GetProperty("decision").GetString()));
        var item = decisions[0].GetProperty("actionItems")[0];
        Assert.Equal(("alert on a silent collector", "bob", Due), (item.GetProperty("text").GetString(), item.GetProperty("owner").GetString(), item.GetProperty("due").GetString()));
        var decided = events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "checkpoint.decided").ToList();
        Assert.Equal([TestPeople.Admin, TestPeople.Admin], decided.Select(e => e.GetProperty("actor").GetString()));
        Assert.Contains(checkpoint.GetProperty("verdict").GetProperty("verdict").GetString(), NotPassing);

        // Recording a decision moves nothing: the phase stays held by the verdict.
        Assert.Equal("Held", rollout.GetProperty("currentState").GetString());
    }

    [Fact]
    public async Task RecordDecision_Invalid_Is400ListingEveryProblem_UnknownCheckpointOrRolloutIs404()
    {
        await using var app = await CheckpointPageApp.StartAsync(influx);
        var (id, _) = await CheckpointPageApp.StartRolloutWithFirstVerdictAsync(app);

        var (invalid, problems) = await app.PostAsync($"/api/rollouts/{id}/{CheckpointPageApp.FirstCheckpoint}/decision", new
        {
            decision = "ShipIt",
            notes = " ",
            actionItems = new object[] { new { text = "", owner = "" }, new { text = "page the DBA", owner = new string('o', 101), due = "2001-01-01" } },
        });
        var (pending, _) = await app.PostAsync($"/api/rollouts/{id}/checkpoints/0/1800/decision", new { decision = "Continue", notes = "n" });
        var (unknown, _) = await app.PostAsync($"/api/rollouts/{Guid.NewGuid()}/{CheckpointPageApp.FirstCheckpoint}/decision", new { decision = "Continue", notes = "n" });
        var events = CheckpointPageApp.EventKinds(await app.GetAsync($"/api/rollouts/{id}/events"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        var errors = problems.GetProperty("errors");
        Assert.Equal(
            ["actionItems[0].owner", "actionItems[0].text", "actionItems[1].due", "actionItems[1].owner", "decision", "notes"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("ShipIt", errors.GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("the due date 2001-01-01 is in the past", errors.GetProperty("actionItems[1].due")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, pending);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.DoesNotContain("checkpoint.decided", events);
    }
}
