using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.LiveMetrics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// <c>/hubs/live</c> gives each caller only what that caller's pages show (docs/security.md, "Live hub"): a kiosk screen
/// gets what <c>/warroom</c> shows — the headline tiles, freshness and where the rollout stands — and none of the
/// requesters, reasons, router errors or per-segment data that people see; a person still gets all of it, as before.
/// Asserted on the raw JSON the real app sends.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LiveHubShapeAppTests(LiveHubApp live) : IClassFixture<LiveHubApp>
{
    private const string Reason = "secret-reason-only-people-see";

    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static readonly string[] StateFields = ["snapshot", "lastSuccessAt", "lastAttemptAt", "isStale", "staleReason"];

    private static readonly string[] ScreenSnapshotFields = ["asOf", "windowSeconds", "newestPointAt", "tiles"];

    private static readonly string[] ScreenRolloutFields =
        ["id", "service", "candidateVersion", "status", "currentPhaseIndex", "currentPhase", "currentState", "requestedWeightPercent", "phases", "version"];

    [Fact]
    public async Task KioskScreen_StateMessage_CarriesOnlyTheWarRoomTilesAndFreshness()
    {
        var (_, screen) = await live.KioskAsync("tv-state");
        await using var _ = screen;

        var pushed = await FirstStateWithSnapshotAsync(screen);
        var asked = await screen.Hub.InvokeAsync<JsonElement>(nameof(LiveHub.GetCurrent));

        foreach (var state in new[] { pushed, asked })
        {
            Assert.Equal(StateFields, Names(state));
            Assert.Equal(ScreenSnapshotFields, Names(state.GetProperty("snapshot")));
            var tiles = state.GetProperty("snapshot").GetProperty("tiles").EnumerateArray().Select(t => t.GetProperty("metric").GetString()).ToList();
            Assert.Equal([.. HeadlineTiles.PerCohort.Select(d => d.Key), HeadlineTiles.SingleValue.Key], tiles);
        }
    }

    [Fact]
    public async Task Person_StateMessage_StillCarriesTheWholeSnapshot()
    {
        var (_, person) = await live.PersonAsync("hub-state-person");
        await using var _ = person;

        var pushed = await FirstStateWithSnapshotAsync(person);

        Assert.Equal(StateFields, Names(pushed));
        Assert.Superset(new HashSet<string>(["asOf", "windowSeconds", "revenueImpactPct", "cohorts", "segments", "regions"]), Names(pushed.GetProperty("snapshot")).ToHashSet());
    }

    [Fact]
    public async Task KioskScreen_RolloutMessage_HasNoRequesterReasonOrRouterError()
    {
        var (_, screen) = await live.KioskAsync("tv-rollout");
        await using var _ = screen;

        var id = await StartRolloutAsync();
        var message = await FirstRolloutAsync(screen, id);

        Assert.Equal(ScreenRolloutFields, Names(message));
        var raw = message.GetRawText();
        Assert.DoesNotContain(Reason, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"admin\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_RolloutMessage_IsTheRestViewWithRequesterAndReason()
    {
        var (_, person) = await live.PersonAsync("hub-rollout-person");
        await using var _ = person;

        var id = await StartRolloutAsync();
        var message = await FirstRolloutAsync(person, id);

        Assert.Contains("lastTrafficChange", Names(message));
        Assert.Contains("createdBy", Names(message));
        Assert.Equal(Reason, message.GetProperty("lastTrafficChange").GetProperty("reason").GetString());
        Assert.Equal("admin", message.GetProperty("lastTrafficChange").GetProperty("requestedBy").GetString());
    }

    private async Task<Guid> StartRolloutAsync()
    {
        var id = await live.App.CreateRolloutAsync();
        var (status, body) = await live.App.PostAsync($"/api/rollouts/{id}/start", new { reason = Reason });
        Assert.True(status == HttpStatusCode.OK, $"start: {status} {body}");
        return id;
    }

    private Task<JsonElement> FirstStateWithSnapshotAsync(LiveHubClient client) =>
        Eventually.UntilAsync(
            () => Task.FromResult(client.States.FirstOrDefault(s => s.GetProperty("snapshot").ValueKind == JsonValueKind.Object)),
            state => state.ValueKind == JsonValueKind.Object,
            Within,
            "a state message with a snapshot",
            _ => $"{client.States.Count} state messages; last: {client.States.LastOrDefault()}\nApp output:\n{live.App.Output}");

    // The start saves the rollout (with its traffic change) before the router confirms it: the first message once it runs.
    private Task<JsonElement> FirstRolloutAsync(LiveHubClient client, Guid id) =>
        Eventually.UntilAsync(
            () => Task.FromResult(client.Rollouts.FirstOrDefault(r => r.GetProperty("id").GetGuid() == id && r.GetProperty("status").GetString() == "InProgress")),
            rollout => rollout.ValueKind == JsonValueKind.Object,
            Within,
            $"a rollout message for {id} once started",
            _ => $"{client.Rollouts.Count} rollout messages\nApp output:\n{live.App.Output}");

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
