using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Features.ShiftReview.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.ShiftReview;

/// <summary>Watch-next on a real state store: checkpoints due in the next shift, open incidents, guardrails with a streak, and the plain-text lines.</summary>
public sealed class WatchNextPanelTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;

    [Fact]
    public async Task WatchNext_ListsCheckpointsDueInTheNextShiftOnly_OpenIncidentsAndAGuardrailStreak()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await host.Get<IncidentService>().OpenAsync(rollout.Id, new OpenIncidentRequest("high", "Checkout 5xx", "errors on /checkout", "carol", false), Actor.Person("alice", [WarRoomRole.Operator]));
        PublishStreak(host, rollout, 2);

        var panel = host.Context.Render<WatchNextPanel>(p => p.Add(x => x.NextFrom, T0.AddHours(1)).Add(x => x.NextTo, T0.AddHours(9)));

        // The canary's checkpoints are 15m, 30m, 1h, 1.5h and 2h after its start at T0: three fall in [T0+1h, T0+9h).
        Assert.Equal(["Checkpoint 1h", "Checkpoint 90m", "Checkpoint 2h"], panel.FindAll("[data-testid=watch-checkpoint] a").Select(a => a.TextContent));
        Assert.Equal($"/rollouts/{rollout.Id}/checkpoints/0/3600", panel.Find("[data-testid=watch-checkpoint] a").GetAttribute("href"));
        var incident = panel.Find("[data-testid=watch-incident]");
        Assert.Equal("High", incident.GetAttribute("data-severity"));
        Assert.Contains("Checkout 5xx (owner carol", incident.TextContent, StringComparison.Ordinal);
        Assert.Contains("breached 2 of 3 polls in a row (roll back at 3)", panel.Find("[data-testid=watch-guardrail]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=watch-next-empty]"));
    }

    [Fact]
    public async Task WatchNext_FollowsTheGuardrailsWhenAStreakEnds_AndIsEmptyWithNothingToWatch()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        PublishStreak(host, rollout, 1);
        var panel = host.Context.Render<WatchNextPanel>(p => p.Add(x => x.NextFrom, T0.AddHours(3)).Add(x => x.NextTo, T0.AddHours(11)));
        Assert.Single(panel.FindAll("[data-testid=watch-guardrail]"));

        PublishStreak(host, rollout, 0);

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=watch-guardrail]")));
        Assert.NotNull(panel.Find("[data-testid=watch-next-empty]"));
    }

    [Fact]
    public async Task Lines_SayEachThingToWatchInPlainText()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await host.Get<IncidentService>().OpenAsync(rollout.Id, new OpenIncidentRequest("high", "Slow search", "p99 up", "dave", false), Actor.Person("alice", [WarRoomRole.Operator]));

        var watch = await host.Get<WatchNextService>().ReadAsync(new ShiftWindow("20261123-1300", "day", T0.AddHours(1), T0.AddHours(1.25)));

        Assert.Equal(
            [
                "Open High incident on learning-api v3.0.0: Slow search (owner dave)",
                "Checkpoint 1h of learning-api v3.0.0 'canary' due Nov 23 13:00:00 UTC",
            ],
            WatchNextText.Lines(watch));
    }

    private static void PublishStreak(AppTestHost host, Rollout rollout, int streak)
    {
        var rules = GuardrailEvaluator.Observe(rollout.CurrentPhase, _ => 0.0)
            .Where(o => o.Rule.Kind == GuardrailKind.RollbackTrigger)
            .Select((o, i) => new GuardrailRuleStatus(
                o.Rule.Id, o.Rule.Kind, o.Rule.Describe(), "roll back", GuardrailReading.Breached, i == 0 ? streak : 0, 3, i == 0 && streak > 0 ? T0 : null, o.Values))
            .ToList();
        host.Get<GuardrailStatusBoard>().PublishPoll(new GuardrailStatus(
            T0, T0, 0, 10, 3, null,
            [new RolloutGuardrails(rollout.Id, rollout.Service, rollout.CandidateVersion, rollout.CurrentPhase.Name, rollout.CurrentState, rules, null, null, null, [])],
            []));
    }
}
