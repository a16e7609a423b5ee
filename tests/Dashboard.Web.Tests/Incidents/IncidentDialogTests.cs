using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Incidents.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Incidents;

/// <summary>The incident dialogs refuse a field beside it, in the incident service's words, and store nothing.</summary>
public sealed class IncidentDialogTests
{
    [Fact]
    public async Task OpenIncident_WhitespaceTitleTooLongDescriptionAndEmptyOwner_ErrorsBesideEachFieldAndNothingIsStored()
    {
        await using var host = await AppTestHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<IncidentPanel>(p => p.Add(x => x.RolloutId, rollout.Id));
        panel.Find("[data-testid=open-incident]").Click();

        Field(provider, "title-input").Input("   ");
        Field(provider, "description-input").Input(new string('d', 4001));
        Field(provider, "owner-input").Input("");

        Assert.Equal("title is required", FieldError(provider, "title-input"));
        Assert.Equal("description is longer than 4000 characters (4001)", FieldError(provider, "description-input"));
        Assert.Equal("owner is required", FieldError(provider, "owner-input"));
        var confirm = provider.Find("[data-testid=confirm-incident]");
        Assert.True(confirm.HasAttribute("disabled"));
        await confirm.ClickAsync(new());
        Assert.Empty(await host.Context.Services.GetRequiredService<IncidentService>().ListAsync(rollout.Id) ?? []);
        Assert.NotEmpty(provider.FindAll("[data-testid=open-incident-dialog]"));
    }

    [Fact]
    public async Task UpdateIncident_WhitespaceTextAndAClearedOwner_ErrorsBesideTheFieldsAndTheTimelineIsUnchanged()
    {
        await using var host = await AppTestHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var service = host.Context.Services.GetRequiredService<IncidentService>();
        await service.OpenAsync(rollout.Id, new OpenIncidentRequest("high", "Slow search", "p99 up", "dave", false), Actor.Person("alice", [WarRoomRole.Operator]));
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<IncidentPanel>(p => p.Add(x => x.RolloutId, rollout.Id));
        panel.Find("[data-testid=update-incident]").Click();

        Field(provider, "text-input").Input(" ");
        Field(provider, "owner-input").Input("  ");

        Assert.Equal("text is required", FieldError(provider, "text-input"));
        Assert.Equal("owner is required", FieldError(provider, "owner-input"));
        var confirm = provider.Find("[data-testid=confirm-update]");
        Assert.True(confirm.HasAttribute("disabled"));
        await confirm.ClickAsync(new());
        var incident = Assert.Single(await service.ListAsync(rollout.Id) ?? []);
        Assert.Equal(("dave", 1), (incident.Owner, incident.Timeline.Count));
    }
}
