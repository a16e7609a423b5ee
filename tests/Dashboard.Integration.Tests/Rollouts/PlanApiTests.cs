using System.Net;
using System.Text;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>The plan REST API through the real app and its real state store.</summary>
[Collection(InfluxCollection.Name)]
public sealed class PlanApiTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task PostPlan_Invalid_Is400ListingEveryProblemPath_AndStoresNothing()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        const string Invalid = """
            { "id": "Bad Id", "phases": [ { "name": "canary", "trafficPercent": 120, "duration": "1h", "checkpoints": ["15m"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 1 } ], "gate": { "type": "autoAdvance" }, "trafic": 1 } ] }
            """;

        using var response = await PostPlanAsync(app, Invalid);
        var problem = await app.ReadAsync(response, HttpStatusCode.BadRequest);
        var plans = await app.GetAsync("/api/plans");

        var paths = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("id", paths);
        Assert.Contains("name", paths);
        Assert.Contains("phases[0].trafficPercent", paths);
        Assert.Contains("phases[0].trafic", paths);
        Assert.Equal(["three-phase", "tiered"], plans.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task PostPlan_Valid_IsListedAndUsable_AndTheSameIdAgainIs409()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "plans", "example-fast-canary.json"));

        using var created = await PostPlanAsync(app, json);
        var plan = await app.ReadAsync(created, HttpStatusCode.Created);
        using var again = await PostPlanAsync(app, json);
        var duplicate = await app.ReadAsync(again, HttpStatusCode.Conflict);
        using var builtInId = await PostPlanAsync(app, json.Replace("\"example-fast-canary\"", "\"three-phase\"", StringComparison.Ordinal));
        await app.ReadAsync(builtInId, HttpStatusCode.Conflict);
        var listed = await app.GetAsync("/api/plans");
        var fetched = await app.GetAsync("/api/plans/example-fast-canary");
        var rolloutId = await app.CreateRolloutAsync("example-fast-canary");
        var (_, started) = await app.PostAsync($"/api/rollouts/{rolloutId}/start", new { reason = "go" });

        Assert.Equal("stored", plan.GetProperty("source").GetString());
        Assert.Contains("example-fast-canary", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["three-phase", "tiered", "example-fast-canary"], listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(2, fetched.GetProperty("definition").GetProperty("phases").GetArrayLength());
        Assert.Equal(5, started.GetProperty("rollout").GetProperty("appliedWeightPercent").GetInt32());
    }

    [Fact]
    public async Task PlansFolder_ValidFileIsOffered_InvalidFileIsRefusedNamingEveryProblem()
    {
        var folder = Directory.CreateTempSubdirectory("plans-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "plans", "example-weekly-tiers.json"), Path.Combine(folder, "tiers.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), """
                { "id": "broken", "name": "Broken", "phases": [ { "name": "canary", "trafficPercent": 120, "duration": "1h",
                  "checkpoints": ["2h"], "criteria": [], "gate": { "type": "autoAdvance" } } ] }
                """);
            await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string> { ["Plans__Folder"] = folder });

            var plans = await app.GetAsync("/api/plans");
            using var missing = await app.Http.GetAsync("/api/plans/broken");
            var rolloutId = await app.CreateRolloutAsync("example-weekly-tiers");
            using var sameIdAsFile = await PostPlanAsync(app, await File.ReadAllTextAsync(Path.Combine(folder, "tiers.json")));

            Assert.Equal(["three-phase", "tiered", "example-weekly-tiers"], plans.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
            Assert.Equal("file", plans[2].GetProperty("source").GetString());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.NotEqual(Guid.Empty, rolloutId);
            Assert.Equal(HttpStatusCode.Conflict, sameIdAsFile.StatusCode);
            Assert.Contains("Plan file broken.json refused: phases[0].trafficPercent", app.Output, StringComparison.Ordinal);
            Assert.Contains("Plan file broken.json refused: phases[0].checkpoints[0]", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            ChildProcess.DeleteFolder(folder);
        }
    }

    private static Task<HttpResponseMessage> PostPlanAsync(RolloutApiApp app, string json) =>
        app.Http.PostAsync("/api/plans", new StringContent(json, Encoding.UTF8, "application/json"));
}
