using System.Net;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>One shift's timeline through the real HTTP pipeline (docs/shift-review.md, "API").</summary>
[Collection(InfluxCollection.Name)]
public sealed class ShiftTimelineApiTests(ShiftApiFixture fixture) : IClassFixture<ShiftApiFixture>
{
    private ShiftTestApp Shifts => fixture.App;

    [Fact]
    public async Task CurrentShift_ShowsWhatHappenedInIt_ANextShiftHasNothingYet_AndBadInputIs400ByField()
    {
        var id = await Shifts.App.CreateRolloutAsync();
        await Shifts.App.PostAsync($"/api/rollouts/{id}/start", new { reason = "go for the canary" });

        var current = await Shifts.App.GetAsync($"/api/shifts/current/timeline?rolloutId={id}");
        var next = await Shifts.App.GetAsync("/api/shifts/next/timeline");
        var (badIdStatus, badId) = await GetProblemAsync("/api/shifts/tomorrow/timeline");
        var (badKindStatus, badKind) = await GetProblemAsync("/api/shifts/current/timeline?kind=Gossip");

        Assert.Contains(current.EnumerateArray(), e => e.GetProperty("kind").GetString() == "PhaseTransition"
            && e.GetProperty("text").GetString()!.Contains("Started phase 'canary'", StringComparison.Ordinal));
        Assert.All(current.EnumerateArray(), e => Assert.Equal(id.ToString(), e.GetProperty("rolloutId").GetString()));
        Assert.Equal(0, next.GetArrayLength());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badIdStatus, badKindStatus));
        Assert.True(badId.GetProperty("errors").TryGetProperty("id", out _), badId.ToString());
        Assert.True(badKind.GetProperty("errors").TryGetProperty("kind", out _), badKind.ToString());
    }

    private async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> GetProblemAsync(string path)
    {
        using var response = await Shifts.Admin.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await Shifts.App.ReadAsync(response, response.StatusCode));
    }
}
