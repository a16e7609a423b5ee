using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class PhaseTimelineTests
{
    [Fact]
    public async Task Timeline_MarksOnlyTheCurrentPhaseAndShowsEachState()
    {
        await using var host = new LiveDashboardTestHost();

        var timeline = host.Context.Render<PhaseTimeline>(p => p.Add(t => t.Rollout, RolloutViews.View(RolloutViews.Advanced(1))));

        Assert.Equal(["false", "true", "false"], [.. Enumerable.Range(0, 3).Select(i => timeline.Find($"[data-testid=phase-{i}]").GetAttribute("data-current") ?? "")]);
        Assert.Equal(["Completed", "Running", "Pending"], [.. Enumerable.Range(0, 3).Select(i => timeline.Find($"[data-testid=phase-{i}]").GetAttribute("data-state") ?? "")]);
        Assert.Equal(["completed", "running", "pending"], [.. Enumerable.Range(0, 3).Select(i => timeline.Find($"[data-testid=phase-{i}-state]").TextContent.Trim())]);
        Assert.Contains("phase-step--current", timeline.Find("[data-testid=phase-1]").ClassList);
    }

    [Fact]
    public async Task Timeline_ShowsEachPhasesWeightAndLength()
    {
        await using var host = new LiveDashboardTestHost();

        var timeline = host.Context.Render<PhaseTimeline>(p => p.Add(t => t.Rollout, RolloutViews.View(RolloutViews.Created())));

        var canary = timeline.Find("[data-testid=phase-0]");
        Assert.Equal("1 % planned", canary.QuerySelector(".phase-step__weight")!.TextContent);
        Assert.Equal("2h", canary.QuerySelector(".phase-step__duration")!.TextContent);
        Assert.Equal("36h", timeline.Find("[data-testid=phase-2]").QuerySelector(".phase-step__duration")!.TextContent);
        Assert.Equal("true", canary.GetAttribute("data-current"));
    }
}
