using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class ActionPreviewTests
{
    private static IReadOnlyList<(string What, string From, string To)> Describe(Rollout rollout, RolloutAction action, int? percent = null) =>
        [.. ActionPreview.Describe(RolloutViews.View(rollout), action, percent).Select(line => (line.What, line.From, line.To))];

    [Fact]
    public void Start_MovesTrafficFromZeroToTheFirstPhasesWeight()
    {
        var lines = Describe(RolloutViews.Created(), RolloutAction.Start);

        Assert.Equal(
            [
                ("Phase", "canary — not started", "canary — running"),
                ("Canary traffic", "0 % (baseline 100 %)", "1 % (baseline 99 %)"),
            ],
            lines);
    }

    [Fact]
    public void Advance_StartsTheNextPhaseAtItsWeight()
    {
        var lines = Describe(RolloutViews.Started(), RolloutAction.Advance);

        Assert.Equal(
            [
                ("Phase", "canary — running", "ramp — running"),
                ("Canary traffic", "1 % (baseline 99 %)", "10 % (baseline 90 %)"),
            ],
            lines);
    }

    [Fact]
    public void Advance_InTheLastPhase_CompletesTheRolloutAndKeepsTheWeight()
    {
        var lines = Describe(RolloutViews.Advanced(2), RolloutAction.Advance);

        Assert.Equal(
            [
                ("Phase", "rollout — running", "rollout — completed"),
                ("Rollout", "running", "completed"),
                ("Canary traffic", "100 % (baseline 0 %)", "100 % (baseline 0 %)"),
            ],
            lines);
    }

    [Fact]
    public void ChangeTraffic_WithAPercent_ShowsTheNewSplit()
    {
        var lines = Describe(RolloutViews.Started(), RolloutAction.ChangeTraffic, 25);

        Assert.Equal([("Canary traffic", "1 % (baseline 99 %)", "25 % (baseline 75 %)")], lines);
    }

    [Fact]
    public void ChangeTraffic_WithoutAPercent_ShowsADashAsTarget()
    {
        var lines = Describe(RolloutViews.Started(), RolloutAction.ChangeTraffic);

        Assert.Equal([("Canary traffic", "1 % (baseline 99 %)", "—")], lines);
    }

    [Theory]
    [InlineData(RolloutAction.RollBack, "rolled back (ends)")]
    [InlineData(RolloutAction.Abort, "aborted (ends)")]
    public void RollBackAndAbort_EndTheRolloutAndTakeTheCanaryToZero(RolloutAction action, string ending)
    {
        var lines = Describe(RolloutViews.Started(), action);

        Assert.Equal(
            [
                ("Rollout", "running", ending),
                ("Canary traffic", "1 % (baseline 99 %)", "0 % (baseline 100 %)"),
            ],
            lines);
    }

    [Fact]
    public void Hold_KeepsTheWeight()
    {
        var lines = ActionPreview.Describe(RolloutViews.View(RolloutViews.Started()), RolloutAction.Hold);

        Assert.Equal(("canary — running", "canary — held"), (lines[0].From, lines[0].To));
        var traffic = Assert.Single(lines, line => line.What == "Canary traffic");
        Assert.Equal(("1 % (baseline 99 %)", "1 % (baseline 99 %)"), (traffic.From, traffic.To));
        Assert.False(traffic.Changes);
    }
}
