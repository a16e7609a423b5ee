using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>
/// Refuse, never clamp, at the server: a wrong rollout request is a 400 whose problem details list each problem
/// by field, and nothing is saved, audited or sent to the router.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RolloutValidationApiTests(InfluxServerFixture influx)
{
    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string Problem(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task Create_EveryFieldWrong_Is400ListingEachProblemAndCreatesNothing()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);

        var (status, problem) = await app.PostAsync(
            "/api/rollouts", new { service = " ", baselineVersion = "2.0", candidateVersion = "2.0", planId = "no-such-plan", reason = "   " });
        var listed = await app.GetAsync("/api/rollouts");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["candidateVersion", "planId", "reason", "service"], Fields(problem));
        Assert.Equal("must differ from the baseline version", Problem(problem, "candidateVersion"));
        Assert.Equal("there is no plan 'no-such-plan'", Problem(problem, "planId"));
        Assert.Equal("a reason is required: say why", Problem(problem, "reason"));
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Theory]
    [InlineData(150)]
    [InlineData(-3)]
    public async Task ChangeTraffic_OutOfRangePercentAndBlankReason_Is400ListingBothAndChangesNothing(int percent)
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var before = await app.GetAsync($"/api/rollouts/{id}");
        var eventsBefore = (await app.GetAsync($"/api/rollouts/{id}/events")).GetArrayLength();

        var (status, problem) = await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent, reason = " " });
        var after = await app.GetAsync($"/api/rollouts/{id}");
        var history = await app.GetAsync($"/api/rollouts/{id}/traffic");
        var eventsAfter = (await app.GetAsync($"/api/rollouts/{id}/events")).GetArrayLength();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["percent", "reason"], Fields(problem));
        Assert.Equal($"must be between 0 and 100 (not {percent})", Problem(problem, "percent"));
        Assert.Equal(
            (before.GetProperty("version").GetInt32(), 1, 1),
            (after.GetProperty("version").GetInt32(), after.GetProperty("requestedWeightPercent").GetInt32(), after.GetProperty("appliedWeightPercent").GetInt32()));
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal(eventsBefore, eventsAfter);
    }

    [Fact]
    public async Task Hold_ReasonLongerThanTheAuditLogTakes_Is400AndTheRolloutKeepsRunning()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var (status, problem) = await app.PostAsync($"/api/rollouts/{id}/hold", new { reason = new string('r', 2001) });
        var after = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["reason"], Fields(problem));
        Assert.Equal("must be at most 2000 characters (this is 2001)", Problem(problem, "reason"));
        Assert.Equal("Running", after.GetProperty("currentState").GetString());
    }
}
