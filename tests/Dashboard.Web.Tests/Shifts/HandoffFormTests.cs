using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.Shifts.Components;
using Dashboard.Web.Tests.TestSupport;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Shifts;

/// <summary>
/// The handoff form (docs/shifts.md): the outgoing shift writes and hands off, the incoming one acknowledges, everyone
/// else reads. The clock is at 15:30 UTC, half an hour before the day shift (08–16) ends: its handoff is open.
/// </summary>
public sealed class HandoffFormTests
{
    private static readonly DateTimeOffset LateInTheDayShift = new(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task PersonOnTheShift_WithADraft_SeesItInRisks_AndHandsOff()
    {
        await using var host = await HostAsync(TestUser.Operator);
        var shift = await ShiftTestData.ShiftAsync(host, "current");

        var form = host.Context.Render<HandoffForm>(p => p.Add(x => x.Shift, shift).Add(x => x.Draft, "p99 near its threshold"));
        Assert.Equal("p99 near its threshold", Field(form, "handoff-risks").GetAttribute("value") ?? Field(form, "handoff-risks").TextContent);
        Field(form, "handoff-notes").Input("canary at 25 %, checkpoint at 18:00");
        await form.Find("[data-testid=hand-off]").ClickAsync(new());

        var saved = await host.Get<ShiftHandoffStore>().FindAsync(shift.Id);
        Assert.Equal(("alice", "canary at 25 %, checkpoint at 18:00", "p99 near its threshold"), (saved?.HandedOffBy, saved?.Notes, saved?.Risks));
        form.WaitForAssertion(() => Assert.Contains("canary at 25 %", form.Find("[data-testid=handoff-notes-text]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyNotes_ShowTheProblemBesideTheField_AndNothingIsSaved()
    {
        await using var host = await HostAsync(TestUser.Operator);
        var shift = await ShiftTestData.ShiftAsync(host, "current");
        var form = host.Context.Render<HandoffForm>(p => p.Add(x => x.Shift, shift));

        Field(form, "handoff-risks").Input("none");
        await form.Find("[data-testid=hand-off]").ClickAsync(new());

        Assert.Equal("notes are required: what happened, what is in flight", FieldError(form, "handoff-notes"));
        Assert.Null(FieldError(form, "handoff-risks"));
        Assert.Null(await host.Get<ShiftHandoffStore>().FindAsync(shift.Id));
    }

    [Fact]
    public async Task Viewer_ReadsButSeesNoButton()
    {
        await using var host = await HostAsync(TestUser.Viewer);
        var shift = await ShiftTestData.ShiftAsync(host, "current");

        var form = host.Context.Render<HandoffForm>(p => p.Add(x => x.Shift, shift));

        Assert.Empty(form.FindAll("[data-testid=hand-off]"));
        Assert.NotNull(form.Find("[data-testid=handoff-waiting]"));
    }

    [Fact]
    public async Task IncomingPerson_SaysIHaveIt_WithAQuestion()
    {
        await using var host = await HostAsync(new TestUser("bob", WarRoomRole.Operator));
        var shift = await ShiftTestData.ShiftAsync(host, "current");
        await host.Get<HandoffService>().HandOffAsync(shift.Id, new HandoffRequest("all quiet", "none"), Actor.Person("alice", [WarRoomRole.Operator]));
        var handedOff = await ShiftTestData.ShiftAsync(host, shift.Id);
        var form = host.Context.Render<HandoffForm>(p => p.Add(x => x.Shift, handedOff));

        Field(form, "handoff-question").Input("is the 18:00 checkpoint still on?");
        await form.Find("[data-testid=acknowledge]").ClickAsync(new());

        var saved = await host.Get<ShiftHandoffStore>().FindAsync(shift.Id);
        Assert.Equal(("bob", "is the 18:00 checkpoint still on?"), (saved?.AcknowledgedBy, saved?.Question));
        form.WaitForAssertion(() => Assert.Contains("by bob", form.Find("[data-testid=handoff-acknowledged]").TextContent, StringComparison.Ordinal));
    }

    /// <summary>alice on the day shift, bob on the evening shift; the circuit signed in as <paramref name="user"/>.</summary>
    private static async Task<AppTestHost> HostAsync(TestUser user)
    {
        var host = await AppTestHost.CreateAsync(user, now: LateInTheDayShift);
        await ShiftTestData.PeopleAsync(host, ("alice", "Operator"), ("bob", "Operator"));
        await ShiftTestData.DefaultAsync(host, "day", "alice");
        await ShiftTestData.DefaultAsync(host, "evening", "bob");
        return host;
    }
}
