using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Demo.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

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

    [Fact]
    public async Task Inject_NegativeMagnitudeAndZeroDuration_AreRefusedBesideTheirFieldsAndNothingIsInjected()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);

        Field(panel, "fault-magnitude").Input("-5");
        Field(panel, "fault-duration").Input("0");

        Assert.Equal("must be greater than 0 and at most 100 (percent), not -5", FieldError(panel, "fault-magnitude"));
        Assert.Equal("must be between 1 and 1440 (not 0)", FieldError(panel, "fault-duration"));
        Assert.Equal("-5", Field(panel, "fault-magnitude").GetAttribute("value"));
        Assert.Equal("0", Field(panel, "fault-duration").GetAttribute("value"));
        var inject = panel.Find("button[data-testid=fault-inject]");
        Assert.True(inject.HasAttribute("disabled"));
        await inject.ClickAsync(new());
        Assert.Empty(host.FaultBoard!.Active);
        Assert.DoesNotContain(await AuditAsync(host), e => e.Kind == "demo.faultInjected");
        Assert.NotEmpty(panel.FindAll("[data-testid=fault-none]"));
    }

    [Theory]
    [InlineData(FaultKind.ErrorSpike, "Greater than 0, at most 100.")]
    [InlineData(FaultKind.LatencyRegression, "Greater than 1, at most 100.")]
    public async Task Panel_StatesTheAllowedRangesBesideTheFields(FaultKind kind, string magnitudeRange)
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        if (kind != FaultKind.ErrorSpike)
        {
            await panel.InvokeAsync(() => panel.FindComponent<MudSelect<FaultKind>>().Instance.ValueChanged.InvokeAsync(kind));
        }

        Assert.Equal(magnitudeRange, HelperText(panel, "fault-magnitude"));
        Assert.Equal("Whole minutes, 1 to 1440 (24 h).", HelperText(panel, "fault-duration"));
    }

    [Theory]
    [InlineData(FaultKind.LatencyRegression, "1", "must be greater than 1 and at most 100 (a latency factor), not 1")]
    [InlineData(FaultKind.ErrorSpike, "2,5", "'2,5' is not a number: use digits and a dot for decimals")]
    public async Task Inject_MagnitudeOutsideTheKindsRange_IsRefusedNotClamped(FaultKind kind, string typed, string error)
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<FaultKind>>().Instance.ValueChanged.InvokeAsync(kind));

        Field(panel, "fault-magnitude").Input(typed);

        Assert.Equal(error, FieldError(panel, "fault-magnitude"));
        Assert.True(panel.Find("button[data-testid=fault-inject]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Inject_TypedValues_AreSentExactly()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync();
        var panel = RenderPanel(host);

        Field(panel, "fault-magnitude").Input("7.5");
        Field(panel, "fault-duration").Input("1440");
        await panel.Find("button[data-testid=fault-inject]").ClickAsync(new());

        var fault = Assert.Single(host.FaultBoard!.Active);
        Assert.Equal((7.5, TimeSpan.FromHours(24)), (fault.Magnitude, fault.EndsAt - fault.StartedAt));
    }
}
