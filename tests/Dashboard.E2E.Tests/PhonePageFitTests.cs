using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The roster, an executive summary and the board at T (with its time picker) on a 390×844 touch phone: no sideways scrolling, and their controls usable
/// by a thumb (docs/accessibility.md). Each leaves phone-*.png in TestResults/artifacts/. The shift page is
/// measured on the phone in <see cref="HandoffJourneyTests"/>, with its handoff, timeline and watch-next filled.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class PhonePageFitTests(LiveAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Roster_ForAnEditorOnA390x844Phone_NeedsNoSidewaysScrolling()
    {
        await using var context = await fixture.Live.Browser.NewContextAsync(Screens.Phone);
        var page = await fixture.Live.OpenAsync("/roster", context);
        await Assertions.Expect(page.GetByTestId("roster-default")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await PageFit.AssertFitsAsync(page, "phone-roster", output);

        // One shift's own editor, opened as an operations lead would to swap someone in.
        var open = page.GetByTestId("roster-override-open").First;
        await TouchTargets.AssertUsableAsync(page, open);
        await open.ClickAsync();
        await Assertions.Expect(page.Locator("details.roster-card__override[open]")).ToHaveCountAsync(1);
        await PageFit.AssertFitsAsync(page, "phone-roster-override", output);
    }

    [Fact]
    public async Task ExecutiveSummary_OnA390x844Phone_NeedsNoSidewaysScrolling()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        Guid rolloutId;
        Guid summaryId;
        using (var admin = await fixture.Live.App.SignInAsAdminAsync())
        {
            // A phase that ended (rolled back) has its end-of-phase summary written a few seconds later.
            rolloutId = await GatedRollouts.StartAsync(admin, $"summary-{suffix}", ["engineeringLead"], requestSignOff: false);
            await ApiCalls.PostAsync(admin, $"/api/rollouts/{rolloutId}/incidents", new { severity = "high", title = $"Checkout 5xx on a long-named segment ({suffix})", description = "errors on /checkout", owner = "erin" });
            await ApiCalls.PostAsync(admin, $"/api/rollouts/{rolloutId}/rollback", new { reason = "5xx confirmed on the canary" });
            var summaries = await Eventually.UntilAsync(
                () => admin.GetFromJsonAsync<JsonElement>($"/api/rollouts/{rolloutId}/summaries"),
                list => list.GetArrayLength() > 0, TimeSpan.FromSeconds(90), "the end-of-phase summary");
            summaryId = summaries[0].GetProperty("id").GetGuid();
        }

        await using var context = await fixture.Live.Browser.NewContextAsync(Screens.Phone);
        var page = await fixture.Live.OpenAsync($"/rollouts/{rolloutId}/summaries/{summaryId}", context);
        await Assertions.Expect(page.GetByTestId("summary-title")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("summary-criterion").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("summary-incident").First).ToContainTextAsync(suffix);
        await PageFit.AssertFitsAsync(page, "phone-summary", output);
        await TouchTargets.AssertUsableAsync(page, page.GetByTestId("export-markdown"));
        await TouchTargets.AssertUsableAsync(page, page.GetByTestId("export-json"));
    }

    [Fact]
    public async Task PastBoard_WithItsTimePicker_OnA390x844Phone_NeedsNoSidewaysScrolling()
    {
        // Half past a minute that has gone: the browser's field drops seconds that are zero, so the value would read otherwise.
        var then = DateTimeOffset.UtcNow.AddMinutes(-2);
        var at = new DateTimeOffset(then.Year, then.Month, then.Day, then.Hour, then.Minute, 30, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await using var context = await fixture.Live.Browser.NewContextAsync(Screens.Phone);
        var page = await fixture.Live.OpenAsync($"/?at={at}", context);
        await Assertions.Expect(page.GetByTestId("as-of-zone")).ToHaveTextAsync("UTC", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("as-of-input")).ToHaveValueAsync(at.TrimEnd('Z'));
        await PageFit.AssertFitsAsync(page, "phone-board-at", output);
        await TouchTargets.AssertUsableAsync(page, page.GetByTestId("as-of-show"));
    }
}
