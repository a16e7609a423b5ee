using System.Diagnostics;
using System.Text.RegularExpressions;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Dashboard.E2E.Tests.TestSupport.PageFields;

namespace Dashboard.E2E.Tests;

/// <summary>
/// Two people on the same rollout in two browsers: one acts through the confirmation dialogs, the
/// other only watches — and sees every change without reloading.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class RolloutPageTests(LiveAppFixture fixture, ITestOutputHelper output)
{
    private static readonly PageAssertionsToHaveURLOptions NavigationTimeout = new() { Timeout = 30_000 };

    /// <summary>Generous on a loaded 2-core CI machine; the bench measures the real time it takes.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions SeenByWatcher = new() { Timeout = 10_000 };

    [Fact]
    public async Task RolloutPage_OnePageActs_TheOtherPageUpdatesWithoutReload()
    {
        await using var actorContext = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1200 } });
        await using var watcherContext = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1200 } });
        var actor = await fixture.Live.OpenAsync("/rollouts", actorContext);

        var id = await CreateRolloutAsync(actor, "checkout-e2e");
        var watcher = await fixture.Live.OpenAsync($"/rollouts/{id}", watcherContext);
        await Assertions.Expect(watcher.GetByTestId("rollout-status")).ToHaveTextAsync("NOT STARTED", SeenByWatcher);

        // Start: the dialog shows the weight moving from 0 % to the first phase's 1 %.
        await OpenDialogAsync(actor, "start");
        await Assertions.Expect(actor.GetByTestId("change-to").Last).ToHaveTextAsync("1 % (baseline 99 %)");
        await ConfirmAsync(actor, "canary goes live");
        await Assertions.Expect(watcher.GetByTestId("rollout-status")).ToHaveTextAsync("RUNNING", SeenByWatcher);
        await Assertions.Expect(watcher.GetByTestId("weight-applied")).ToHaveTextAsync("1 %", SeenByWatcher);
        await Assertions.Expect(watcher.GetByTestId("phase-0")).ToHaveAttributeAsync("data-current", "true");

        // Change traffic: from → to follows the number typed; the watcher sees the router-confirmed weight.
        await OpenDialogAsync(actor, "change-traffic");
        await Field(actor, "percent-input").FillAsync("10");
        await Assertions.Expect(actor.GetByTestId("change-from")).ToHaveTextAsync("1 % (baseline 99 %)");
        await Assertions.Expect(actor.GetByTestId("change-to")).ToHaveTextAsync("10 % (baseline 90 %)");
        await actor.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "rollout-dialog.png") });
        var clock = Stopwatch.StartNew();
        await ConfirmAsync(actor, "error rate flat for 30 min");
        await Assertions.Expect(watcher.GetByTestId("weight-applied")).ToHaveTextAsync("10 %", SeenByWatcher);
        output.WriteLine($"Watcher saw the confirmed 10 % {clock.ElapsedMilliseconds} ms after the actor confirmed (informative only).");
        await Assertions.Expect(watcher.GetByTestId("traffic-change")).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Assertions.Expect(watcher.GetByTestId("last-change")).ToHaveAttributeAsync("data-status", "Applied");

        // Hold: the watcher's buttons follow the state, and a disabled one says why.
        await OpenDialogAsync(actor, "hold");
        await ConfirmAsync(actor, "investigating a latency blip");
        await Assertions.Expect(watcher.GetByTestId("current-phase")).ToHaveTextAsync("canary — held", SeenByWatcher);
        await Assertions.Expect(watcher.GetByTestId("action-resume")).ToBeEnabledAsync();
        await Assertions.Expect(watcher.GetByTestId("action-change-traffic")).ToBeDisabledAsync();
        await Assertions.Expect(watcher.GetByTestId("action-change-traffic-wrapper"))
            .ToHaveAttributeAsync("title", new Regex("not possible while phase 'canary' is held"));

        // Roll back: the candidate leaves traffic and the rollout ends everywhere.
        await OpenDialogAsync(actor, "roll-back");
        await Assertions.Expect(actor.GetByTestId("change-to").Last).ToHaveTextAsync("0 % (baseline 100 %)");
        await ConfirmAsync(actor, "latency regression confirmed");
        await Assertions.Expect(watcher.GetByTestId("rollout-status")).ToHaveTextAsync("ROLLED BACK", SeenByWatcher);
        await Assertions.Expect(watcher.GetByTestId("weight-applied")).ToHaveTextAsync("0 %", SeenByWatcher);
        await Assertions.Expect(watcher.GetByTestId("action-explanation")).ToContainTextAsync("nothing can change it any more");

        // The watcher's audit trail has every step, and the chain verifies.
        await watcher.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(watcher.GetByTestId("audit-verification")).ToContainTextAsync("CHAIN INTACT");
        await watcher.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "rollout.png"), FullPage = true });
    }

    [Fact]
    public async Task ActionDialog_WithoutReason_CannotBeConfirmed_AndCancelChangesNothing()
    {
        var page = await fixture.Live.OpenAsync("/rollouts");
        await CreateRolloutAsync(page, "search-e2e");

        await OpenDialogAsync(page, "start");
        await Assertions.Expect(page.GetByTestId("confirm-action")).ToBeDisabledAsync();
        await page.GetByTestId("cancel-action").ClickAsync();

        await Assertions.Expect(page.GetByTestId("action-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("rollout-status")).ToHaveTextAsync("NOT STARTED");
        await Assertions.Expect(page.GetByTestId("audit-event")).ToHaveCountAsync(1);
    }

    /// <summary>Creates a rollout through the "New rollout" dialog and returns its id from the page it lands on.</summary>
    private static async Task<Guid> CreateRolloutAsync(IPage page, string service)
    {
        await page.GetByTestId("new-rollout").ClickAsync();
        await Field(page, "service-input").FillAsync(service);
        await Field(page, "baseline-input").FillAsync("v2.9.4");
        await Field(page, "candidate-input").FillAsync("v3.0.0-sprint-2-complete");
        await Field(page, "reason-input").FillAsync("sprint 2 release");
        await page.GetByTestId("confirm-create").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(RolloutUrl(), NavigationTimeout);
        await Assertions.Expect(page.GetByTestId("rollout-service")).ToHaveTextAsync(service);
        return Guid.Parse(RolloutUrl().Match(page.Url).Groups["id"].Value);
    }

    private static async Task OpenDialogAsync(IPage page, string action)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToBeVisibleAsync();
    }

    private static async Task ConfirmAsync(IPage page, string reason)
    {
        await Field(page, "reason-input").FillAsync(reason);
        await page.GetByTestId("confirm-action").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    [GeneratedRegex(@"/rollouts/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex RolloutUrl();
}
