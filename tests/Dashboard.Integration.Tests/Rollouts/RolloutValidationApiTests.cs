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

    [Theory]
    [InlineData("""{ "percent": "abc", "reason": "ramp" }""", "percent", "must be a whole number")]
    [InlineData("""{ "percent": 10.5, "reason": "ramp" }""", "percent", "must be a whole number")]
    [InlineData("""{ "percent": 10, "reason": 42 }""", "reason", "must be text")]
    [InlineData("""{ "percent": 10, "reason": "ramp" """, "body", "is not valid JSON (line 1, position")]
    public async Task ChangeTraffic_UnreadableBody_Is400NamingTheFieldInWordsAndChangesNothing(string json, string field, string expected)
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var before = await app.GetAsync($"/api/rollouts/{id}");

        using var response = await app.Http.PostAsync(
            new Uri($"/api/rollouts/{id}/traffic", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await app.ReadAsync(response, HttpStatusCode.BadRequest);
        var after = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], Fields(problem));
        Assert.StartsWith(expected, Problem(problem, field), StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OpenApiKey_MalformedExpiryDate_Is400SayingWhatADateLooksLike()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);

        // A browser-like Accept header still gets the problem as JSON, never a bare status.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/api-keys", UriKind.Relative))
        {
            Content = new StringContent("""{ "name": "ci", "roles": ["Operator"], "expiresAt": "next tuesday" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await app.Http.SendAsync(request);
        var problem = await app.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["expiresAt"], Fields(problem));
        Assert.Equal("must be a date and time such as 2026-12-06T03:00:00Z", Problem(problem, "expiresAt"));
    }

    [Fact]
    public async Task OpenApiKey_ANumberAmongItsRoles_Is400NamingThatRole()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);

        using var response = await app.Http.PostAsync(
            new Uri("/api/admin/api-keys", UriKind.Relative),
            new StringContent("""{ "name": "ci", "roles": ["Operator", 7] }""", System.Text.Encoding.UTF8, "application/json"));
        var problem = await app.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["roles[1]"], Fields(problem));
        Assert.Equal("must be text", Problem(problem, "roles[1]"));
    }
}
