using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Incidents.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Incidents;

/// <summary>The incident panel, its dialogs and the war-room banner on a real SQLite state store and the real incident service.</summary>
public sealed class IncidentPanelTests
{
    [Fact]
    public async Task OpenIncidentDialog_WithEveryField_StoresTheIncidentAndThePanelListsIt()
    {
        await using var host = await AppTestHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<IncidentPanel>(p => p.Add(x => x.RolloutId, rollout.Id).Add(x => x.PhaseNames, ["canary", "ramp", "rollout"]));
        Assert.Contains("No incident recorded", panel.Markup, StringComparison.Ordinal);

        panel.Find("[data-testid=open-incident]").Click();
        var confirm = () => provider.Find("[data-testid=confirm-incident]");
        Assert.True(confirm().HasAttribute("disabled"));
        Field(provider, "title-input").Input("Checkout 5xx");
        Field(provider, "description-input").Input("errors on /checkout in eu");
        Assert.Equal("alice", Field(provider, "owner-input").GetAttribute("value"));
        Field(provider, "owner-input").Input("carol");
        Assert.Equal("alice", provider.Find("[data-testid=acting-as]").GetAttribute("data-actor"));
        Assert.False(confirm().HasAttribute("disabled"));
        await confirm().ClickAsync(new());

        var stored = Assert.Single(await host.Context.Services.GetRequiredService<IncidentService>().ListAsync(rollout.Id) ?? []);
        Assert.Equal(("High", "Checkout 5xx", "carol", "alice"), (stored.Severity, stored.Title, stored.Owner, stored.OpenedBy));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=incident-row]")));
        Assert.Contains("canary", panel.Find("[data-testid=incident-row]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 open", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveDialog_ClosesTheIncident_AndThePanelOffersNoMoreActionsForIt()
    {
        await using var host = await AppTestHost.CreateAsync(new TestUser("dave", WarRoomRole.OperationsLead));
        var rollout = await host.StartRolloutAsync();
        var service = host.Context.Services.GetRequiredService<IncidentService>();
        await service.OpenAsync(rollout.Id, new OpenIncidentRequest("critical", "DB failover", "primary lost", "dave", false), Actor.Person("alice", [WarRoomRole.Operator]));
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<IncidentPanel>(p => p.Add(x => x.RolloutId, rollout.Id));

        panel.Find("[data-testid=resolve-incident]").Click();
        Field(provider, "text-input").Input("replica promoted");
        await provider.Find("[data-testid=confirm-update]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal("resolved", panel.Find("[data-testid=incident-row]").GetAttribute("data-state")));
        Assert.Empty(panel.FindAll("[data-testid=resolve-incident]"));
        Assert.Contains("replica promoted", panel.Markup, StringComparison.Ordinal);
        var resolved = Assert.Single(await service.ListAsync(rollout.Id) ?? []);
        Assert.Equal((false, "dave"), (resolved.IsOpen, resolved.ResolvedBy));
    }

    [Fact]
    public async Task Panel_ForAViewer_ListsIncidentsWithoutOpenUpdateOrResolve()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Viewer);
        var rollout = await host.StartRolloutAsync();
        await host.Context.Services.GetRequiredService<IncidentService>().OpenAsync(
            rollout.Id, new OpenIncidentRequest("high", "Checkout 5xx", "errors on /checkout", "carol", false), Actor.Person("alice", [WarRoomRole.Operator]));

        var panel = host.Context.Render<IncidentPanel>(p => p.Add(x => x.RolloutId, rollout.Id));

        Assert.Single(panel.FindAll("[data-testid=incident-row]"));
        Assert.Empty(panel.FindAll("button"));
        Assert.Equal(
            "You are signed in as viewer: you can read incidents but not open, update or resolve them.",
            panel.Find("[data-testid=access-note]").TextContent.Trim());
    }

    [Fact]
    public async Task OpenIncidentsBanner_ShowsOpenIncidentsMostSevereFirst_AndHidesWhenAllAreResolved()
    {
        await using var host = await AppTestHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var service = host.Context.Services.GetRequiredService<IncidentService>();
        await service.OpenAsync(rollout.Id, new OpenIncidentRequest("low", "Slow admin page", "p99 400 ms", "erin", false), Actor.Person("alice", [WarRoomRole.Operator]));
        var critical = (await service.OpenAsync(rollout.Id, new OpenIncidentRequest("critical", "Payments down", "all regions", "dave", false), Actor.Person("alice", [WarRoomRole.Operator]))).Value!;
        var banner = host.Context.Render<OpenIncidentsBanner>();

        Assert.Equal(["Payments down", "Slow admin page"], banner.FindAll("[data-testid=open-incident-row] .incident-banner__name").Select(e => e.TextContent));
        Assert.Contains("incident-banner--critical", banner.Find("[data-testid=open-incidents]").ClassName, StringComparison.Ordinal);

        await service.UpdateAsync(critical.Id, new IncidentUpdateRequest("fixed", null, null), Actor.Person("dave", [WarRoomRole.Operator]), resolve: true);
        banner.WaitForAssertion(() => Assert.Single(banner.FindAll("[data-testid=open-incident-row]")));
        Assert.DoesNotContain("incident-banner--critical", banner.Find("[data-testid=open-incidents]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIncidentsBanner_IncidentLogUnreadable_SaysSoInsteadOfShowingNothing()
    {
        // Without its table, every read of the incident log fails.
        await using var host = new LiveDashboardTestHost();
        await using (var db = await host.Context.Services.GetRequiredService<IDbContextFactory<WarRoomDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Incidents\"");
        }

        var banner = host.Context.Render<OpenIncidentsBanner>();

        Assert.Contains("Open incidents cannot be shown", banner.Find("[data-testid=incidents-unreadable]").TextContent, StringComparison.Ordinal);
        Assert.Empty(banner.FindAll("[data-testid=open-incidents]"));
    }
}
