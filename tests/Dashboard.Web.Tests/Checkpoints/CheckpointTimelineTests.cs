using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class CheckpointTimelineTests
{
    [Fact]
    public async Task Timeline_EvaluatedCheckpointInItsVerdictColourLinked_PendingOnesGreyWithDueTime()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 1.4));
        host.Clock.SetUtcNow(RolloutViews.T0.AddMinutes(20));

        var timeline = host.Context.Render<CheckpointTimeline>(p => p.Add(t => t.Rollout, detail.Rollout).Add(t => t.Plan, detail.Plan));

        var chips = timeline.FindAll("[data-testid=checkpoint-chip]");
        Assert.Equal(5, chips.Count);
        Assert.Equal("Fail", chips[0].GetAttribute("data-verdict"));
        Assert.Contains("verdict-fail", chips[0].ClassName, StringComparison.Ordinal);
        Assert.Equal(CheckpointRoutes.Page(detail.Rollout.Id, 0, 900), chips[0].GetAttribute("href"));
        Assert.Equal("15m · FAIL", chips[0].TextContent);
        Assert.Equal("Pending", chips[1].GetAttribute("data-verdict"));
        Assert.Null(chips[1].GetAttribute("href"));
        Assert.Equal("30m · due 12:30", chips[1].TextContent);
        Assert.All(chips, chip => Assert.Equal("false", chip.GetAttribute("data-late")));
    }

    [Fact]
    public async Task Timeline_EvaluatedLateOrDueWithoutVerdict_IsMarkedLate()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 0.3, late: TimeSpan.FromMinutes(2)));
        host.Clock.SetUtcNow(RolloutViews.T0.AddMinutes(31));

        var timeline = host.Context.Render<CheckpointTimeline>(p => p.Add(t => t.Rollout, detail.Rollout).Add(t => t.Plan, detail.Plan));

        var chips = timeline.FindAll("[data-testid=checkpoint-chip]");
        Assert.Equal(("Pass", "true"), (chips[0].GetAttribute("data-verdict"), chips[0].GetAttribute("data-late")));
        Assert.Equal(("Pending", "true"), (chips[1].GetAttribute("data-verdict"), chips[1].GetAttribute("data-late")));
        Assert.Equal("30m · due 12:30 · late", chips[1].TextContent);
        Assert.Equal("false", chips[2].GetAttribute("data-late"));
    }

    [Fact]
    public async Task Timeline_Kiosk_IsLargeWithoutLinks()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 0.3));

        var timeline = host.Context.Render<CheckpointTimeline>(p => p.Add(t => t.Rollout, detail.Rollout).Add(t => t.Plan, detail.Plan).Add(t => t.Kiosk, true));

        Assert.Contains("checkpoint-timeline--kiosk", timeline.Find("[data-testid=checkpoint-timeline]").ClassName, StringComparison.Ordinal);
        Assert.Empty(timeline.FindAll("a"));
        Assert.Equal("Pass", timeline.FindAll("[data-testid=checkpoint-chip]")[0].GetAttribute("data-verdict"));
    }

    [Fact]
    public async Task Timeline_ItsRolloutChanged_RereadsTheVerdicts()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        var timeline = host.Context.Render<CheckpointTimeline>(p => p.Add(t => t.Rollout, detail.Rollout).Add(t => t.Plan, detail.Plan));
        Assert.Equal("Pending", timeline.FindAll("[data-testid=checkpoint-chip]")[0].GetAttribute("data-verdict"));

        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: null));
        host.Context.Services.GetRequiredService<RolloutChangeFeed>().Publish(detail.Rollout.Id);

        timeline.WaitForAssertion(() => Assert.Equal("NoData", timeline.FindAll("[data-testid=checkpoint-chip]")[0].GetAttribute("data-verdict")), TimeSpan.FromSeconds(5));
    }
}
