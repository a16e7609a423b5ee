using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Features.Access.Admin.Components;
using Dashboard.Web.Features.Access.Admin.Pages;
using Dashboard.Web.Features.Access.Components;
using Dashboard.Web.Features.Checkpoints.Pages;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.Shifts.Components;
using Dashboard.Web.Features.Shifts.Pages;
using Dashboard.Web.Features.TrafficDrift;
using Dashboard.Web.Features.TrafficDrift.Components;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.Access.Admin;
using Dashboard.Web.Tests.Checkpoints;
using Dashboard.Web.Tests.Shifts;
using Dashboard.Web.Tests.TestSupport;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Health;

/// <summary>
/// A form or button that writes, pressed while the state store does not answer (docs/high-availability.md, "PostgreSQL is
/// down"): the exception stays out of the event handler (in Blazor Server it would end the circuit), the refusal is said
/// where the component says its errors, what was typed stays, nothing is saved, and the same press works once the store
/// is back.
/// </summary>
public sealed class StateStoreOutageFormTests
{
    private static readonly DateTimeOffset LateInTheDayShift = new(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandOff_StateStoreUnreachable_KeepsTheNotesAndSaysNothingWasSaved_ThenHandsOffOnceTheStoreIsBack()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, now: LateInTheDayShift);
        await ShiftTestData.PeopleAsync(host, ("alice", "Operator"));
        await ShiftTestData.DefaultAsync(host, "day", "alice");
        var shift = await ShiftTestData.ShiftAsync(host, "current");
        var form = host.Context.Render<HandoffForm>(p => p.Add(x => x.Shift, shift));
        Field(form, "handoff-notes").Input("canary at 25 %, checkpoint at 18:00");
        Field(form, "handoff-risks").Input("p99 near its threshold");

        host.LoseStateStore();
        await form.Find("button[data-testid=hand-off]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, form.Find("[data-testid=handoff-error]").TextContent);
        Assert.Equal("canary at 25 %, checkpoint at 18:00", TextOf(Field(form, "handoff-notes")));
        Assert.Equal("p99 near its threshold", TextOf(Field(form, "handoff-risks")));
        Assert.False(form.Find("button[data-testid=hand-off]").HasAttribute("disabled"));

        host.BringBackStateStore();
        Assert.Null(await host.Get<ShiftHandoffStore>().FindAsync(shift.Id));
        await form.Find("button[data-testid=hand-off]").ClickAsync(new());

        var saved = await host.Get<ShiftHandoffStore>().FindAsync(shift.Id);
        Assert.Equal(("canary at 25 %, checkpoint at 18:00", "p99 near its threshold"), (saved?.Notes, saved?.Risks));
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=handoff-error]")));
    }

    [Fact]
    public async Task SaveRoster_StateStoreUnreachable_KeepsTheChoiceAndSaysNothingWasSaved_ThenSavesOnceTheStoreIsBack()
    {
        await using var host = await AppTestHost.CreateAsync(new TestUser("olga", WarRoomRole.OperationsLead));
        await ShiftTestData.PeopleAsync(host, ("olga", "OperationsLead"), ("pete", "Operator"));
        var next = await ShiftTestData.ShiftAsync(host, "next");
        var people = await host.Get<RosterService>().CandidatesAsync();
        var editor = host.Context.Render<RosterEditor>(p => p.Add(x => x.ShiftId, next.Id).Add(x => x.Initial, next.Roster).Add(x => x.People, people));
        editor.Find("[data-testid=roster-primary-select]").Change("pete");

        host.LoseStateStore();
        await editor.Find("button[data-testid=roster-save]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, editor.Find("[data-testid=roster-error]").TextContent);
        Assert.Equal("pete", editor.Find("[data-testid=roster-primary-select]").GetAttribute("value"));
        Assert.False(editor.Find("button[data-testid=roster-save]").HasAttribute("disabled"));

        host.BringBackStateStore();
        Assert.Equal(RosterSource.None, (await ShiftTestData.ShiftAsync(host, next.Id)).Roster.Source);
        await editor.Find("button[data-testid=roster-save]").ClickAsync(new());

        var roster = (await ShiftTestData.ShiftAsync(host, next.Id)).Roster;
        Assert.Equal((RosterSource.Override, "PETE"), (roster.Source, roster.Primary?.DisplayName));
        Assert.Empty(editor.FindAll("[data-testid=roster-error]"));
    }

    [Fact]
    public async Task BackToTheDefault_StateStoreUnreachable_SaysSoBesideTheShift_ThenRemovesTheOverrideOnceTheStoreIsBack()
    {
        var olga = new TestUser("olga", WarRoomRole.OperationsLead);
        await using var host = await AppTestHost.CreateAsync(olga);
        await ShiftTestData.PeopleAsync(host, ("olga", "OperationsLead"), ("pete", "Operator"));
        var next = await ShiftTestData.ShiftAsync(host, "next");
        var overridden = await host.Get<RosterService>().ChangeAsync(
            new RosterChangeRequest(null, [new RosterAssignmentRequest(null, null, next.Id, "pete", null, [])]), Actor.Person("olga", [WarRoomRole.OperationsLead]));
        Assert.Equal(OutcomeKind.Succeeded, overridden.Kind);
        var page = host.Context.Render<RosterPage>();
        var remove = $"[data-shift='{next.Id}'] button[data-testid=roster-override-remove]";

        host.LoseStateStore();
        await page.Find(remove).ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, page.Find($"[data-shift='{next.Id}'] [data-testid=roster-override-error]").TextContent);

        host.BringBackStateStore();
        Assert.Equal(RosterSource.Override, (await ShiftTestData.ShiftAsync(host, next.Id)).Roster.Source);
        await page.Find(remove).ClickAsync(new());

        Assert.NotEqual(RosterSource.Override, (await ShiftTestData.ShiftAsync(host, next.Id)).Roster.Source);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"{remove}, [data-testid=roster-override-error]")));
    }

    [Fact]
    public async Task Rerun_StateStoreUnreachable_KeepsTheReasonAndSaysNothingWasChanged()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 1.4));
        var page = host.Context.Render<CheckpointPage>(p => p.Add(c => c.Id, detail.Rollout.Id).Add(c => c.PhaseIndex, 0).Add(c => c.OffsetSeconds, 900L));
        page.Find("[data-testid=rerun-reason]").Change("late data?");

        host.LoseStateStore();
        await page.Find("button[data-testid=rerun-button]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, page.Find("[data-testid=rerun-problem]").TextContent);
        Assert.Equal("late data?", page.Find("[data-testid=rerun-reason]").GetAttribute("value"));
        Assert.False(page.Find("button[data-testid=rerun-button]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=rerun-summary]"));
    }

    [Fact]
    public async Task NewKioskLink_StateStoreUnreachable_KeepsTheNameAndSaysNothingWasCreated_ThenCreatesItOnceTheStoreIsBack()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();
        page.Find("[data-testid=admin-new-kiosk]").Click();
        Field(dialogs, "kiosk-name-input").Input("tv-ops");

        host.LoseStateStore();
        await dialogs.Find("button[data-testid=confirm-kiosk]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, dialogs.Find("[data-testid=dialog-error]").TextContent);
        Assert.Equal("tv-ops", Field(dialogs, "kiosk-name-input").GetAttribute("value"));
        Assert.False(dialogs.Find("button[data-testid=confirm-kiosk]").HasAttribute("disabled"));

        host.BringBackStateStore();
        Assert.Empty((await host.Service.ListKioskLinksAsync(AdminPageHost.Root)).Value!);
        await dialogs.Find("button[data-testid=confirm-kiosk]").ClickAsync(new());

        dialogs.WaitForElement("[data-testid=admin-kiosk-url]");
        Assert.Single((await host.Service.ListKioskLinksAsync(AdminPageHost.Root)).Value!, l => l.Name == "tv-ops");
    }

    [Fact]
    public async Task NewApiKey_StateStoreLostJustAfterItWasMade_StillShowsTheTokenOnce()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        // The page re-reads its list after the key was made, and meets the store lost just then.
        var tab = host.Context.Render<ApiKeysTab>(p => p.Add(t => t.Keys, []).Add(t => t.Changed, async () =>
        {
            host.LoseStateStore();
            await host.Service.ListApiKeysAsync(AdminPageHost.Root);
        }));
        tab.Find("[data-testid=admin-new-key]").Click();
        Field(dialogs, "key-name-input").Input("ci-deploy");
        Field(dialogs, $"role-{WarRoomRole.Operator}").Change(true);

        await dialogs.Find("button[data-testid=confirm-key]").ClickAsync(new());

        var token = dialogs.WaitForElement("[data-testid=admin-key-token]").TextContent;
        host.BringBackStateStore();
        Assert.True(ApiKeyTokens.TryParse(token, out var prefix, out _));
        Assert.Single((await host.Service.ListApiKeysAsync(AdminPageHost.Root)).Value!, k => k.Prefix == prefix);
    }

    [Fact]
    public async Task ShowKioskLink_StateStoreUnreachable_SaysSoOnTheTab_AndShowsItOnceTheStoreIsBack()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        await host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-ops", null), AdminPageHost.Root);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        host.LoseStateStore();
        await page.Find("button[data-testid=admin-show-kiosk-tv-ops]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, page.Find("[data-testid=kiosk-error]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=admin-kiosk-url]"));

        host.BringBackStateStore();
        // Not awaited: the click's handler waits until the person closes the dialog with the link.
        page.Find("button[data-testid=admin-show-kiosk-tv-ops]").Click();

        dialogs.WaitForElement("[data-testid=admin-kiosk-url]");
        Assert.Empty(page.FindAll("[data-testid=kiosk-error]"));
    }

    [Fact]
    public async Task LocalTime_StateStoreUnreachable_SaysNothingWasChanged_ThenKeepsTheZoneOnceTheStoreIsBack()
    {
        await using var host = await AppTestHost.CreateAsync();
        Assert.NotNull(await host.Get<PeopleStore>().CreateAsync(new PersonDraft("alice", "Alice", null, "Operator"), "test"));
        host.Context.JSInterop.Setup<string?>(LocalTimeSetting.BrowserZoneFunction).SetResult("Europe/Berlin");
        var setting = host.Context.Render<LocalTimeSetting>();

        host.LoseStateStore();
        setting.Find("[data-testid=local-time-toggle]").Change(true);

        setting.WaitForAssertion(() => Assert.Equal(StateStoreOutage.Refusal, setting.Find("[data-testid=local-time-problem]").TextContent));
        Assert.False(setting.Find("[data-testid=local-time-toggle]").HasAttribute("checked"));

        host.BringBackStateStore();
        Assert.Null(await host.Get<PersonTimeZoneStore>().ReadAsync("alice"));
        setting.Find("[data-testid=local-time-toggle]").Change(true);

        setting.WaitForAssertion(() => Assert.Empty(setting.FindAll("[data-testid=local-time-problem]")));
        Assert.Equal("Europe/Berlin", await host.Get<PersonTimeZoneStore>().ReadAsync("alice"));
    }

    [Fact]
    public async Task CheckAgain_StateStoreUnreachable_SaysSoInTheBanner_AndTheSamePressIsDecidedOnceTheStoreIsBack()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(35, 65);
        Assert.Equal(TrafficDriftKind.Drifted, (await host.Monitor.CheckAsync()).Kind);
        var banner = host.Context.Render<DriftBanner>();
        // The role was taken away since the page opened: the press reads the roles afresh and audits the refusal.
        host.Authorization.SetRoles(nameof(WarRoomRole.Viewer));

        host.LoseStateStore();
        await banner.Find("button[data-testid=drift-check]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, banner.Find("[data-testid=drift-check-error]").TextContent);
        Assert.False(banner.Find("button[data-testid=drift-check]").HasAttribute("disabled"));

        host.BringBackStateStore();
        await banner.Find("button[data-testid=drift-check]").ClickAsync(new());

        Assert.Empty(banner.FindAll("[data-testid=drift-check-error], button[data-testid=drift-check]"));
        var refusals = (await host.Get<AuditLog>().ReadAsync()).Where(e => e.Kind == "access.refused");
        Assert.Single(refusals, e => e.PayloadJson.Contains(nameof(Operation.CheckTrafficDrift), StringComparison.Ordinal));
    }

    // A MudBlazor text field with several lines is a textarea: its text is its content.
    private static string? TextOf(AngleSharp.Dom.IElement field) => field.GetAttribute("value") ?? field.TextContent;
}
