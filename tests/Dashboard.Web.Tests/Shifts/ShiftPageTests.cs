using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Tests.TestSupport;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Shifts;

/// <summary>
/// The shift page puts the handoff record first, then what happened and what to watch (docs/shift-review.md). The
/// clock is at 15:30 UTC: the day shift's (08–16) handoff is open, so its risks are drafted from watch-next.
/// </summary>
public sealed class ShiftPageTests
{
    private static readonly DateTimeOffset LateInTheDayShift = new(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CurrentShift_WithAnOpenIncident_ShowsTheReviewAndDraftsTheRisksFromWatchNext()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, services => services.AddShiftReview(), LateInTheDayShift);
        await ShiftTestData.PeopleAsync(host, ("alice", "Operator"), ("bob", "Operator"));
        await ShiftTestData.DefaultAsync(host, "day", "alice");
        var rollout = await host.StartRolloutAsync();
        await host.Get<IncidentService>().OpenAsync(
            rollout.Id, new OpenIncidentRequest("high", "Checkout 5xx", "errors on /checkout", "carol", false), Actor.Person("alice", [WarRoomRole.Operator]));

        var page = host.Context.Render<ShiftPage>(p => p.Add(x => x.Id, "current"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=watch-incident]")));
        Assert.Equal("The day shift", page.Find("[data-testid=shift-title]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=shift-summary]"));
        Assert.NotEmpty(page.FindAll("[data-testid=shift-timeline]"));
        var risks = Field(page, "handoff-risks");
        Assert.Contains("Checkout 5xx", risks.GetAttribute("value") ?? risks.TextContent, StringComparison.Ordinal);
        var order = page.FindAll("[data-testid=handoff], [data-testid=shift-summary], [data-testid=watch-next], [data-testid=shift-timeline]").Select(e => e.GetAttribute("data-testid"));
        Assert.Equal(["handoff", "shift-summary", "watch-next", "shift-timeline"], order);
    }
}
