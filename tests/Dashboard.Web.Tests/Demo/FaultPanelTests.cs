using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Demo.Components;
using Dashboard.Web.Tests.TestSupport;
using MudBlazor;

namespace Dashboard.Web.Tests.Demo;

public sealed class FaultPanelTests
{
    private static IRenderedComponent<FaultPanel> RenderPanel(LiveDashboardTestHost host)
    {
        host.Context.Render<MudPopoverProvider>();
        return host.Context.Render<FaultPanel>();
    }

    [Fact]
    public async Task Inject_DefaultErrorSpike_AddsItToTheBoardAndListsIt()
    {
        await using var host = new LiveDashboardTestHost(withFaultBoard: true);
        var panel = RenderPanel(host);
        Assert.NotEmpty(panel.FindAll("[data-testid=fault-none]"));

        panel.Find("button[data-testid=fault-inject]").Click();

        var fault = Assert.Single(host.FaultBoard!.Active);
        Assert.Equal((FaultKind.ErrorSpike, 2d, TimeSpan.FromMinutes(5)), (fault.Kind, fault.Magnitude, fault.EndsAt - fault.StartedAt));
        var listed = panel.WaitForElement("[data-testid=fault-active]");
        Assert.Contains("Error spike +2 pp", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal("5 min 0 s left", listed.QuerySelector("[data-testid=fault-remaining]")!.TextContent);
    }

    [Fact]
    public async Task ActiveFault_RemainingTimeTicksAndExpiredFaultDropsOff()
    {
        await using var host = new LiveDashboardTestHost(withFaultBoard: true);
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.LatencyRegression, 3, TimeSpan.FromMinutes(1));
        panel.WaitForElement("[data-testid=fault-active]");

        host.Clock.Advance(TimeSpan.FromSeconds(15));
        panel.WaitForAssertion(() => Assert.Equal("45 s left", panel.Find("[data-testid=fault-remaining]").TextContent));

        host.Clock.Advance(TimeSpan.FromSeconds(45));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=fault-active]")));
    }

    [Fact]
    public async Task Clear_RemovesOnlyThatFault()
    {
        await using var host = new LiveDashboardTestHost(withFaultBoard: true);
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.ErrorSpike, 2, TimeSpan.FromMinutes(5));
        var kept = host.FaultBoard.Inject(FaultKind.RevenueDrop, 10, TimeSpan.FromMinutes(5));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=fault-active]").Count));

        panel.FindAll("button[data-testid=fault-clear]")[0].Click();

        Assert.Equal(kept.Id, Assert.Single(host.FaultBoard.Active).Id);
        panel.WaitForAssertion(() => Assert.Equal(
            nameof(FaultKind.RevenueDrop),
            Assert.Single(panel.FindAll("[data-testid=fault-active]")).GetAttribute("data-kind")));
    }

    [Fact]
    public async Task ClearAll_RemovesEveryFault()
    {
        await using var host = new LiveDashboardTestHost(withFaultBoard: true);
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.ErrorSpike, 2, TimeSpan.FromMinutes(5));
        host.FaultBoard.Inject(FaultKind.AvailabilityDip, 1, TimeSpan.FromMinutes(5));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=fault-active]").Count));

        panel.Find("button[data-testid=fault-clear-all]").Click();

        Assert.Empty(host.FaultBoard.Active);
        panel.WaitForElement("[data-testid=fault-none]");
    }

    [Fact]
    public async Task Panel_WithoutFaultBoard_RendersNothing()
    {
        await using var host = new LiveDashboardTestHost(withFaultBoard: false);

        var panel = RenderPanel(host);

        Assert.Empty(panel.Markup.Trim());
    }
}
