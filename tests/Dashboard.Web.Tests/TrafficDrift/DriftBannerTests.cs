using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.TrafficDrift;
using Dashboard.Web.Features.TrafficDrift.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.TrafficDrift;

/// <summary>The banner on a real SQLite state store, the real monitor and a router the test sets.</summary>
public sealed class DriftBannerTests
{
    private static IRenderedComponent<DriftBanner> RenderBanner(AppTestHost host, bool readOnly = false) =>
        host.Context.Render<DriftBanner>(p => p.Add(b => b.ReadOnly, readOnly));

    private static async Task<AppTestHost> DriftedAsync(TestUser? user = null)
    {
        var host = await AppTestHost.CreateAsync(user);
        await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(35, 65);
        Assert.Equal(TrafficDriftKind.Drifted, (await host.Monitor.CheckAsync()).Kind);
        return host;
    }

    [Fact]
    public async Task Banner_BeforeAnyCheck_IsHidden()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(35, 65);

        var banner = RenderBanner(host);

        Assert.Equal(TrafficDriftKind.NotChecked, host.Monitor.Current.Kind);
        Assert.Empty(banner.FindAll("[data-testid=drift-banner]"));
    }

    [Fact]
    public async Task Banner_NothingRecorded_IsHidden()
    {
        await using var host = await AppTestHost.CreateAsync();
        host.Router.Weights = new TrafficWeights(35, 65);
        Assert.Equal(TrafficDriftKind.NothingRecorded, (await host.Monitor.CheckAsync()).Kind);

        var banner = RenderBanner(host);

        Assert.Empty(banner.FindAll("[data-testid=drift-banner]"));
    }

    [Fact]
    public async Task Banner_InSync_IsHidden()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(2, 198);
        Assert.Equal(TrafficDriftKind.InSync, (await host.Monitor.CheckAsync()).Kind);

        var banner = RenderBanner(host);

        Assert.Empty(banner.FindAll("[data-testid=drift-banner]"));
    }

    [Fact]
    public async Task Banner_Drifted_ShowsTheMessageWithCheckAndReconcileButtons()
    {
        await using var host = await DriftedAsync();

        var banner = RenderBanner(host);

        Assert.Equal(nameof(TrafficDriftKind.Drifted), banner.Find("[data-testid=drift-banner]").GetAttribute("data-kind"));
        Assert.Equal(host.Monitor.Current.Message, banner.Find("[data-testid=drift-message]").TextContent);
        Assert.Contains("records 1 % canary", banner.Find("[data-testid=drift-message]").TextContent, StringComparison.Ordinal);
        Assert.False(banner.Find("button[data-testid=drift-reconcile]").HasAttribute("disabled"));
        Assert.False(banner.Find("button[data-testid=drift-check]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Banner_DriftedForAViewer_OffersNeitherCheckAgainNorReconcile_AndSaysWhy()
    {
        await using var host = await DriftedAsync(TestUser.Viewer);

        var banner = RenderBanner(host);

        Assert.Empty(banner.FindAll("[data-testid=drift-reconcile]"));
        Assert.Empty(banner.FindAll("[data-testid=drift-check]"));
        Assert.Equal(
            "You are signed in as viewer: Check again and Reconcile need the operator role.",
            banner.Find("[data-testid=access-note]").TextContent.Trim());
    }

    [Fact]
    public async Task Banner_DriftedForALead_OffersNoCheckAgain_SinceItOpensTheRoutersSocket()
    {
        await using var host = await DriftedAsync(TestUser.EngineeringLead);

        var banner = RenderBanner(host);

        Assert.Empty(banner.FindAll("[data-testid=drift-check]"));
        Assert.Equal(
            "You are signed in as engineering lead: Check again and Reconcile need the operator role.",
            banner.Find("[data-testid=access-note]").TextContent.Trim());
    }

    [Fact]
    public async Task CheckAgain_ForAnOperator_ReadsTheRouterNow()
    {
        await using var host = await DriftedAsync();
        var banner = RenderBanner(host);
        host.Router.Weights = new TrafficWeights(1, 99);

        banner.Find("button[data-testid=drift-check]").Click();

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=drift-banner]")));
        Assert.Equal(TrafficDriftKind.InSync, host.Monitor.Current.Kind);
    }

    [Fact]
    public async Task Banner_ForAnOperator_HasNoAccessNote()
    {
        await using var host = await DriftedAsync();

        var banner = RenderBanner(host);

        Assert.Empty(banner.FindAll("[data-testid=access-note]"));
    }

    [Fact]
    public async Task Banner_RouterUnreadable_IsShownWithTheRoutersMessage()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        host.Router.Failure = new TrafficRouterException("HAProxy refused", "Permission denied");
        await host.Monitor.CheckAsync();

        var banner = RenderBanner(host);

        Assert.Equal(nameof(TrafficDriftKind.RouterUnreadable), banner.Find("[data-testid=drift-banner]").GetAttribute("data-kind"));
        Assert.Contains("Permission denied", banner.Find("[data-testid=drift-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banner_ReadOnly_WarnsWithoutButtons()
    {
        await using var host = await DriftedAsync();

        var banner = RenderBanner(host, readOnly: true);

        Assert.NotEmpty(banner.FindAll("[data-testid=drift-banner]"));
        Assert.Empty(banner.FindAll("button"));
    }

    [Fact]
    public async Task Banner_WhilePrerendering_DisablesItsButtons()
    {
        await using var host = await DriftedAsync();
        host.Context.SetRendererInfo(RendererModes.Prerendering);

        var banner = RenderBanner(host);

        Assert.True(banner.Find("button[data-testid=drift-reconcile]").HasAttribute("disabled"));
        Assert.True(banner.Find("button[data-testid=drift-check]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Banner_AppearsAndGoesWithTheMonitorsLaterChecks()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(2, 198);
        await host.Monitor.CheckAsync();
        var banner = RenderBanner(host);
        Assert.Empty(banner.FindAll("[data-testid=drift-banner]"));

        host.Router.Weights = new TrafficWeights(35, 65);
        await host.Monitor.CheckAsync();
        banner.WaitForElement("[data-testid=drift-banner]");

        host.Router.Weights = new TrafficWeights(1, 99);
        await host.Monitor.CheckAsync();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=drift-banner]")));
    }

    [Fact]
    public async Task Reconcile_ConfirmedInTheDialog_ReappliesTheRecordedWeightAndTheBannerGoes()
    {
        await using var host = await DriftedAsync();
        host.Context.Render<MudPopoverProvider>();
        var dialogs = host.Context.Render<MudDialogProvider>();
        var banner = RenderBanner(host);

        banner.Find("button[data-testid=drift-reconcile]").Click();
        dialogs.WaitForElement("button[data-testid=confirm-reconcile]");
        Assert.Empty(host.Router.Applied);
        Assert.Empty(dialogs.FindAll("[data-testid=actor-input]"));
        Assert.Equal("alice", dialogs.Find("[data-testid=acting-as]").GetAttribute("data-actor"));
        Field(dialogs, "reason-input").Input("weights were edited by hand");
        dialogs.Find("button[data-testid=confirm-reconcile]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button[data-testid=confirm-reconcile]")));
        Assert.Equal([1], host.Router.Applied);
        Assert.Equal(TrafficDriftKind.InSync, host.Monitor.Current.Kind);
        var audit = await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync();
        Assert.Equal("alice", audit.Single(e => e.Kind == "traffic.reconciled").Actor);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=drift-banner]")));
    }
}
