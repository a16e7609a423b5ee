using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class WarRoomCheckpointsTests
{
    [Fact]
    public async Task WarRoom_NoRolloutStarted_ShowsNothing()
    {
        await using var host = await CheckpointTestHost.CreateAsync();

        var strip = host.Context.Render<WarRoomCheckpoints>();

        Assert.Empty(strip.FindAll("[data-testid=warroom-checkpoints]"));
        Assert.Empty(strip.FindAll("[data-testid=warroom-checkpoints-unreadable]"));
    }

    [Fact]
    public async Task WarRoom_RolloutOfRecord_ShowsItsTimelineLargeWithoutLinks_AndANewVerdictLive()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        var strip = host.Context.Render<WarRoomCheckpoints>();
        Assert.Contains("learning-api v3.0.0 · phase canary", strip.Find("[data-testid=warroom-checkpoints]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Pending", strip.FindAll("[data-testid=checkpoint-chip]")[0].GetAttribute("data-verdict"));

        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 1.4));
        host.Context.Services.GetRequiredService<RolloutChangeFeed>().Publish(detail.Rollout.Id);

        strip.WaitForAssertion(() => Assert.Equal("Fail", strip.FindAll("[data-testid=checkpoint-chip]")[0].GetAttribute("data-verdict")), TimeSpan.FromSeconds(5));
        Assert.Contains("checkpoint-timeline--kiosk", strip.Find("[data-testid=checkpoint-timeline]").ClassName, StringComparison.Ordinal);
        Assert.Empty(strip.FindAll("a"));
    }
}
