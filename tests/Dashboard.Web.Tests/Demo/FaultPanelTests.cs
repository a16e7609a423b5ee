using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Demo.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Tests.Demo;

public sealed class FaultPanelTests
{
    private static Task<IReadOnlyList<AuditEventRecord>> AuditAsync(LiveDashboardTestHost host) =>
        host.Context.Services.GetRequiredService<AuditLog>().ReadAsync();

    private static IRenderedComponent<FaultPanel> RenderPanel(LiveDashboardTestHost host)
    {
        host.Context.Render<MudPopoverProvider>();
        return host.Context.Render<FaultPanel>();
    }

    [Fact]
    public async Task Inject_DefaultErrorSpike_AuditsItAddsItToTheBoardAndListsIt()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        Assert.NotEmpty(panel.FindAll("[data-testid=fault-none]"));

        await panel.Find("button[data-testid=fault-inject]").ClickAsync(new());

        var fault = Assert.Single(host.FaultBoard!.Active);
        Assert.Equal((FaultKind.ErrorSpike, 2d, TimeSpan.FromMinutes(5)), (fault.Kind, fault.Magnitude, fault.EndsAt - fault.StartedAt));
        var listed = panel.WaitForElement("[data-testid=fault-active]");
        Assert.Contains("Error spike +2 pp", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal("5 min 0 s left", listed.QuerySelector("[data-testid=fault-remaining]")!.TextContent);
        var injected = Assert.Single(await AuditAsync(host), e => e.Kind == "demo.faultInjected");
        Assert.Equal("alice", injected.Actor);
        Assert.Equal(fault.Id, JsonDocument.Parse(injected.PayloadJson).RootElement.GetProperty("faultId").GetGuid());
    }

    [Fact]
    public async Task ActiveFault_RemainingTimeTicksAndExpiredFaultDropsOff()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.LatencyRegression, 3, TimeSpan.FromMinutes(1));
        panel.WaitForElement("[data-testid=fault-active]");

        host.Clock.Advance(TimeSpan.FromSeconds(15));
        panel.WaitForAssertion(() => Assert.Equal("45 s left", panel.Find("[data-testid=fault-remaining]").TextContent));

        host.Clock.Advance(TimeSpan.FromSeconds(45));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=fault-active]")));
    }

    [Fact]
    public async Task Clear_RemovesOnlyThatFaultAndAuditsIt()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.ErrorSpike, 2, TimeSpan.FromMinutes(5));
        var kept = host.FaultBoard.Inject(FaultKind.RevenueDrop, 10, TimeSpan.FromMinutes(5));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=fault-active]").Count));

        await panel.FindAll("button[data-testid=fault-clear]")[0].ClickAsync(new());

        Assert.Equal(kept.Id, Assert.Single(host.FaultBoard.Active).Id);
        var cleared = Assert.Single(await AuditAsync(host), e => e.Kind == "demo.faultCleared");
        Assert.Equal("alice", cleared.Actor);
        Assert.NotEqual(kept.Id, JsonDocument.Parse(cleared.PayloadJson).RootElement.GetProperty("faultId").GetGuid());
        panel.WaitForAssertion(() => Assert.Equal(
            nameof(FaultKind.RevenueDrop),
            Assert.Single(panel.FindAll("[data-testid=fault-active]")).GetAttribute("data-kind")));
    }

    [Fact]
    public async Task ClearAll_RemovesEveryFaultAndAuditsThem()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        host.FaultBoard!.Inject(FaultKind.ErrorSpike, 2, TimeSpan.FromMinutes(5));
        host.FaultBoard.Inject(FaultKind.AvailabilityDip, 1, TimeSpan.FromMinutes(5));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=fault-active]").Count));

        await panel.Find("button[data-testid=fault-clear-all]").ClickAsync(new());

        Assert.Empty(host.FaultBoard.Active);
        var cleared = Assert.Single(await AuditAsync(host), e => e.Kind == "demo.faultsCleared");
        Assert.Equal(2, JsonDocument.Parse(cleared.PayloadJson).RootElement.GetProperty("faultIds").GetArrayLength());
        panel.WaitForElement("[data-testid=fault-none]");
    }

    [Fact]
    public async Task Panel_WithoutFaultBoard_RendersNothing()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host);

        Assert.Empty(panel.Markup.Trim());
    }
}
