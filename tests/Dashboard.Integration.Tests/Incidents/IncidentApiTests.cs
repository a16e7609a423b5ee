using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Incidents;

/// <summary>The incidents API through the real app and its real state store.</summary>
[Collection(InfluxCollection.Name)]
public sealed class IncidentApiTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task OpenUpdateResolve_ThroughTheApi_IsListedWithItsTimelineAndAudited()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();

        var (openStatus, opened) = await app.PostAsync(
            $"/api/rollouts/{id}/incidents",
            new { severity = "critical", title = "Checkout 5xx", description = "errors on /checkout", owner = "carol" });
        var incidentId = opened.GetProperty("id").GetGuid();
        var (updateStatus, _) = await app.PostAsync($"/api/incidents/{incidentId}/updates", new { text = "cause found", severity = "high" });
        var (resolveStatus, resolved) = await app.PostAsync($"/api/incidents/{incidentId}/resolve", new { text = "fixed" });
        var (againStatus, again) = await app.PostAsync($"/api/incidents/{incidentId}/resolve", new { text = "twice" });
        var list = await app.GetAsync($"/api/rollouts/{id}/incidents");
        var kinds = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();

        Assert.Equal(HttpStatusCode.Created, openStatus);
        Assert.Equal(("Critical", true, 0), (opened.GetProperty("severity").GetString(), opened.GetProperty("isOpen").GetBoolean(), opened.GetProperty("phaseIndex").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal(HttpStatusCode.OK, resolveStatus);
        Assert.False(resolved.GetProperty("isOpen").GetBoolean());
        Assert.Equal("High", resolved.GetProperty("severity").GetString());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains("resolved", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(["opened", "updated", "resolved"], listed.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal(["incident.opened", "incident.updated", "incident.resolved"], kinds.Where(k => k!.StartsWith("incident.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Update_WithBadFields_Is400ListingEveryProblemAndTheTimelineIsUnchanged()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        var (_, opened) = await app.PostAsync($"/api/rollouts/{id}/incidents", new { severity = "high", title = "Slow search", description = "p99 up", owner = "dave" });
        var incidentId = opened.GetProperty("id").GetGuid();

        var (status, problem) = await app.PostAsync($"/api/incidents/{incidentId}/updates", new { text = "  ", severity = "sev1", owner = new string('o', 101) });
        var incident = await app.GetAsync($"/api/incidents/{incidentId}");
        var kinds = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["owner", "severity", "text"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("owner is longer than 100 characters (101)", errors.GetProperty("owner")[0].GetString());
        Assert.Equal(("dave", "High", 1), (incident.GetProperty("owner").GetString(), incident.GetProperty("severity").GetString(), incident.GetProperty("timeline").GetArrayLength()));
        Assert.DoesNotContain("incident.updated", kinds);
    }

    [Fact]
    public async Task Open_WithBadFields_Is400ListingEveryProblemAndStoresNothing()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();

        var (status, problem) = await app.PostAsync($"/api/rollouts/{id}/incidents", new { severity = "sev0", title = " ", owner = new string('x', 101) });
        var (unknownStatus, _) = await app.PostAsync(
            $"/api/rollouts/{Guid.NewGuid()}/incidents", new { severity = "low", title = "t", description = "d", owner = "o" });
        var list = await app.GetAsync($"/api/rollouts/{id}/incidents");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["description", "owner", "severity", "title"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'sev0' is not one of low, high, critical", errors.GetProperty("severity")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task CriticalIncident_InARunningPhaseOfTheBuiltInPlan_HoldsThePhaseAtOnce_AfterTheIncidentIsSaved()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        await app.PostAsync($"/api/rollouts/{id}/incidents", new { severity = "high", title = "Slow search", description = "p99 up", owner = "erin" });
        var afterHigh = await app.GetAsync($"/api/rollouts/{id}");
        var (_, critical) = await app.PostAsync(
            $"/api/rollouts/{id}/incidents", new { severity = "critical", title = "Payments down", description = "all regions", owner = "dave" });
        var afterCritical = await app.GetAsync($"/api/rollouts/{id}");
        var events = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().ToList();

        Assert.Equal("Running", afterHigh.GetProperty("currentState").GetString());
        Assert.Equal("Critical", critical.GetProperty("severity").GetString());
        Assert.Equal("Held", afterCritical.GetProperty("currentState").GetString());
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.True(kinds.LastIndexOf("incident.opened") < kinds.IndexOf("phase.held"), string.Join(", ", kinds));
        var held = events.Single(e => e.GetProperty("kind").GetString() == "phase.held");
        Assert.Equal("automation (incidents)", held.GetProperty("actor").GetString());
        Assert.Contains("Payments down", held.GetProperty("payload").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
