using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.Shifts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Shifts;

/// <summary>Editing the roster in the UI (docs/shifts.md): an operations lead saves an override; problems show beside their field; others are refused.</summary>
public sealed class RosterEditorTests
{
    private static readonly TestUser OperationsLead = new("olga", WarRoomRole.OperationsLead);

    [Fact]
    public async Task OperationsLead_PutsSomeoneOnTheNextShift_AndTheShiftShowsThem()
    {
        await using var host = await HostAsync(OperationsLead);
        var next = await ShiftTestData.ShiftAsync(host, "next");
        var editor = await RenderAsync(host, next);

        editor.Find("[data-testid=roster-primary-select]").Change("pete");
        editor.Find("[data-testid=roster-lead-olga]").Change(true);
        await editor.Find("[data-testid=roster-save]").ClickAsync(new());

        var roster = (await ShiftTestData.ShiftAsync(host, next.Id)).Roster;
        Assert.Equal((RosterSource.Override, "PETE", "OLGA"), (roster.Source, roster.Primary?.DisplayName, roster.Leads.Single().DisplayName));
    }

    [Fact]
    public async Task NoPrimary_ShowsTheProblemBesideIt_AndNothingIsSaved()
    {
        await using var host = await HostAsync(OperationsLead);
        var next = await ShiftTestData.ShiftAsync(host, "next");
        var editor = await RenderAsync(host, next);

        editor.Find("[data-testid=roster-secondary-select]").Change("pete");
        await editor.Find("[data-testid=roster-save]").ClickAsync(new());

        Assert.Equal("a person is required: give their user name", editor.Find("[data-testid=field-problem]").TextContent);
        Assert.Equal(RosterSource.None, (await ShiftTestData.ShiftAsync(host, next.Id)).Roster.Source);
    }

    [Fact]
    public async Task Operator_IsRefused_AndNothingIsSaved()
    {
        await using var host = await HostAsync(TestUser.Operator);
        var next = await ShiftTestData.ShiftAsync(host, "next");
        var editor = await RenderAsync(host, next);

        editor.Find("[data-testid=roster-primary-select]").Change("pete");
        await editor.Find("[data-testid=roster-save]").ClickAsync(new());

        Assert.Contains("may not edit roster", editor.Find("[data-testid=roster-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(RosterSource.None, (await ShiftTestData.ShiftAsync(host, next.Id)).Roster.Source);
    }

    private static async Task<AppTestHost> HostAsync(TestUser user)
    {
        var host = await AppTestHost.CreateAsync(user);
        await ShiftTestData.PeopleAsync(host, ("olga", "OperationsLead"), ("pete", "Operator"));
        return host;
    }

    private static async Task<IRenderedComponent<RosterEditor>> RenderAsync(AppTestHost host, ShiftView shift)
    {
        var people = await host.Get<RosterService>().CandidatesAsync();
        return host.Context.Render<RosterEditor>(p => p.Add(x => x.ShiftId, shift.Id).Add(x => x.Initial, shift.Roster).Add(x => x.People, people));
    }
}
