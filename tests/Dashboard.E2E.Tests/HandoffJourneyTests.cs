using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Dashboard.E2E.Tests.TestSupport.PageFields;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The shift change, as people do it (docs/shifts.md): the outgoing lead writes notes and risks on the shift's
/// page and hands off on a laptop; a viewer sees the handoff but no button to write it; the incoming person, on
/// the next shift's roster, acknowledges on a 390×844 phone with a question; /warroom shows who is on call now
/// and next. The roster is set through the API for the shifts the clock is in when the test runs, and the shared
/// app opens every handoff for a whole shift (<see cref="LiveAppFixture"/>), so it passes at any hour.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class HandoffJourneyTests(LiveAppFixture fixture, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task Handoff_OutgoingLeadHandsOff_IncomingAcknowledgesOnAPhone_AndTheWarRoomShowsWhoIsOnCall()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (outgoing, incoming, viewer) = ($"olga-{suffix}", $"ivan-{suffix}", $"vera-{suffix}");
        string shift;
        var service = $"handoff-{suffix}";
        var incident = $"Checkout 5xx ({suffix})";
        using (var admin = await fixture.Live.App.SignInAsAdminAsync())
        {
            await AddPersonAsync(admin, outgoing, $"Olga {suffix}", "OperationsLead");
            await AddPersonAsync(admin, incoming, $"Ivan {suffix}", "Operator");
            await AddPersonAsync(admin, viewer, $"Vera {suffix}", "Viewer");
            var current = await ShiftsOnTheClock.CurrentWithRoomAsync(admin);
            shift = current.GetProperty("id").GetString()!;
            var next = current.GetProperty("nextId").GetString()!;
            await ShiftsOnTheClock.RosterAsync(admin, (shift, outgoing), (next, incoming));

            // Something for the page to show: a rollout waiting for sign-off (watch next) with an incident (timeline).
            var rolloutId = await GatedRollouts.StartAsync(admin, service, ["engineeringLead"]);
            await ApiCalls.PostAsync(admin, $"/api/rollouts/{rolloutId}/incidents", new { severity = "high", title = incident, description = "errors on /checkout", owner = "olga" });
        }

        // A viewer reads the open handoff but is told why there is nothing to write.
        await using (var viewerScreen = await fixture.Live.Browser.NewContextAsync(Screens.Phone))
        {
            var page = await fixture.Live.OpenAsync($"/shifts/{shift}", viewerScreen, viewer);
            await Assertions.Expect(page.GetByTestId("handoff-waiting")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("handoff").GetByTestId("access-note")).ToHaveTextAsync("Only the people on this shift and the leads may write its handoff.");
            await Assertions.Expect(page.GetByTestId("hand-off")).ToHaveCountAsync(0);
            await PageFit.AssertFitsAsync(page, "phone-shift-open-viewer", output);
        }

        // The outgoing lead writes and hands off on a laptop.
        await using (var laptop = await fixture.Live.Browser.NewContextAsync(Screens.Laptop))
        {
            var page = await fixture.Live.OpenAsync($"/shifts/{shift}", laptop, outgoing);
            await Assertions.Expect(page.GetByTestId("shift-title")).ToBeVisibleAsync();
            await Field(page, "handoff-notes").FillAsync($"{service}: canary at 5 %, waiting for the engineering lead's GO.");
            await Field(page, "handoff-risks").FillAsync($"{incident} is open; roll back if the error rate passes 5 %.");
            await page.GetByTestId("hand-off").ClickAsync();
            await Assertions.Expect(page.GetByTestId("handoff-notes-text")).ToContainTextAsync("waiting for the engineering lead's GO", Live);
            await Assertions.Expect(page.GetByTestId("hand-off")).ToHaveCountAsync(0);
        }

        // The incoming person acknowledges on a phone, with a question; the page fits the phone before and after.
        await using (var phone = await fixture.Live.Browser.NewContextAsync(Screens.Phone))
        {
            var page = await fixture.Live.OpenAsync($"/shifts/{shift}", phone, incoming);
            await Assertions.Expect(page.GetByTestId("handoff-risks-text")).ToContainTextAsync(incident, Live);
            await Assertions.Expect(page.GetByTestId("timeline-entry").Filter(new() { HasText = incident }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("watch-signoff").Filter(new() { HasText = service })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("watch-incident").Filter(new() { HasText = incident })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await PageFit.AssertFitsAsync(page, "phone-shift-handed-off", output);
            await TouchTargets.AssertUsableAsync(page, page.GetByTestId("acknowledge"));
            await TouchTargets.AssertUsableAsync(page, page.GetByTestId("timeline-board").First);

            await Field(page, "handoff-question").FillAsync("Who decides if the engineering lead does not answer by 06:00?");
            await page.GetByTestId("acknowledge").ClickAsync();
            await Assertions.Expect(page.GetByTestId("handoff-acknowledged")).ToContainTextAsync($"by {incoming} at", Live);
            await Assertions.Expect(page.GetByTestId("handoff-question-text")).ToHaveTextAsync("Who decides if the engineering lead does not answer by 06:00?");
            await Assertions.Expect(page.GetByTestId("acknowledge")).ToHaveCountAsync(0);
            await PageFit.AssertFitsAsync(page, "phone-shift-acknowledged", output);
        }

        // The war room shows who is on call now and who comes next.
        var warRoom = await fixture.Live.OpenAsync("/warroom");
        await Assertions.Expect(warRoom.GetByTestId("on-call-now")).ToHaveTextAsync($"Olga {suffix}", new() { Timeout = 30_000 });
        await Assertions.Expect(warRoom.GetByTestId("on-call-next")).ToHaveTextAsync($"Ivan {suffix}", new() { Timeout = 30_000 });
        await warRoom.CloseAsync();
    }

    private static async Task AddPersonAsync(HttpClient admin, string userName, string displayName, string role) =>
        await ApiCalls.PostAsync(admin, "/api/admin/people", new { userName, displayName, password = TestPeople.Password, roles = new[] { role } });
}
