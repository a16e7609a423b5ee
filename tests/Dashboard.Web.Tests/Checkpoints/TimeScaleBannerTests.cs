using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class TimeScaleBannerTests
{
    [Fact]
    public async Task RealTime_ShowsNoBanner()
    {
        await using var host = new LiveDashboardTestHost();

        var banner = host.Context.Render<TimeScaleBanner>();

        Assert.Empty(banner.FindAll("[data-testid=time-scale-banner]"));
    }

    [Fact]
    public async Task ScaledTime_SaysHowFastPlansRun()
    {
        await using var context = new BunitContext();
        context.Services.AddSingleton(Options.Create(new RolloutClockOptions { TimeScale = 60 }));

        var banner = context.Render<TimeScaleBanner>();

        var text = banner.Find("[data-testid=time-scale-banner]").TextContent;
        Assert.Contains("60×", text, StringComparison.Ordinal);
        Assert.Contains("a 2h phase takes 2 min 0 s", text, StringComparison.Ordinal);
    }
}
