using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Demo.Components;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Tests.Access;

/// <summary>The demo's fault panel and service for someone who may not inject faults.</summary>
public sealed class FaultPanelAccessTests
{
    [Fact]
    public async Task Viewer_SeesTheActiveFaultsWithoutAnyControl()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync(TestUser.Viewer);
        host.FaultBoard!.Inject(FaultKind.ErrorSpike, 2, TimeSpan.FromMinutes(5));
        host.Context.Render<MudPopoverProvider>();

        var panel = host.Context.Render<FaultPanel>();

        Assert.Single(panel.FindAll("[data-testid=fault-active]"));
        Assert.Empty(panel.FindAll("button"));
        Assert.Empty(panel.FindAll("[data-testid=fault-kind]"));
        Assert.Equal(
            "You are signed in as viewer: you can watch demo faults but not inject or clear them.",
            panel.Find("[data-testid=access-note]").TextContent.Trim());
    }

    [Fact]
    public async Task Viewer_InjectCalledAnyway_IsRefusedAuditedAndInjectsNothing()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync(TestUser.Viewer);
        var actor = await host.Context.Services.GetRequiredService<CurrentActor>().GetAsync();

        var outcome = await host.Context.Services.GetRequiredService<DemoFaultService>()
            .InjectAsync(DemoFaultRequest.For(FaultKind.ErrorSpike, 5, TimeSpan.FromMinutes(5)), actor);

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Empty(host.FaultBoard!.Active);
        var audit = await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync();
        var refused = Assert.Single(audit);
        Assert.Equal(("access.refused", "victor"), (refused.Kind, refused.Actor));
        Assert.Equal(nameof(Operation.InjectFault), JsonDocument.Parse(refused.PayloadJson).RootElement.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task Viewer_ClearAllCalledAnyway_IsRefusedAndEveryFaultStays()
    {
        await using var host = await LiveDashboardTestHost.WithDemoFaultsAsync(TestUser.Viewer);
        var fault = host.FaultBoard!.Inject(FaultKind.LatencyRegression, 3, TimeSpan.FromMinutes(5));
        var actor = await host.Context.Services.GetRequiredService<CurrentActor>().GetAsync();

        var outcome = await host.Context.Services.GetRequiredService<DemoFaultService>().ClearAllAsync(actor);

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal(fault.Id, Assert.Single(host.FaultBoard.Active).Id);
        Assert.DoesNotContain(await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync(), e => e.Kind == "demo.faultsCleared");
    }
}
