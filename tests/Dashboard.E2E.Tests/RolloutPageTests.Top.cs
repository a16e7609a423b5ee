using Dashboard.TestSupport;
using Microsoft.Playwright;
using static Dashboard.E2E.Tests.TestSupport.PageFields;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The first screen of a held rollout, on a laptop and on a phone: state, reason, the current and confirmed weight
/// and the action buttons are all inside the first viewport, without scrolling (docs/rollouts-ui.md, "Rollout page").
/// </summary>
public sealed partial class RolloutPageTests
{
    private static readonly string[] FirstScreen =
        ["rollout-status", "state-reason", "state-reason-evidence", "weight-requested", "weight-applied", "action-resume", "action-roll-back"];

    [Theory]
    [InlineData("laptop", 1600, 1000)]
    [InlineData("phone", 390, 844)]
    public async Task HeldRollout_FirstScreenHoldsStateReasonWeightsAndActions(string device, int width, int height)
    {
        var actor = await fixture.Live.OpenAsync("/rollouts");
        var id = await CreateRolloutAsync(actor, $"top-{device}");
        await OpenDialogAsync(actor, "start");
        await ConfirmAsync(actor, "canary goes live");
        await Assertions.Expect(actor.GetByTestId("weight-applied")).ToHaveTextAsync("1 %", SeenByWatcher);
        await OpenDialogAsync(actor, "change-traffic");
        await Field(actor, "percent-input").FillAsync("10");
        await ConfirmAsync(actor, "error rate flat for 30 min");
        await Assertions.Expect(actor.GetByTestId("weight-applied")).ToHaveTextAsync("10 %", SeenByWatcher);
        await OpenDialogAsync(actor, "hold");
        await ConfirmAsync(actor, "p99 spike in EU, looking");
        await Assertions.Expect(actor.GetByTestId("rollout-status")).ToHaveTextAsync("HELD", SeenByWatcher);

        await using var context = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await fixture.Live.OpenAsync($"/rollouts/{id}", context);

        await Assertions.Expect(page.GetByTestId("state-reason-words")).ToHaveTextAsync("“p99 spike in EU, looking”", SeenByWatcher);
        await Assertions.Expect(page.GetByTestId("state-reason-what")).ToContainTextAsync("Held by admin at");
        await Assertions.Expect(page.GetByTestId("weight-requested")).ToHaveTextAsync("10 %");
        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("10 %");
        await Assertions.Expect(page.GetByTestId("phase-0-weight")).ToHaveTextAsync("1 % planned · now 10 %");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, $"rollout-top-{device}.png") });
        foreach (var testId in FirstScreen)
        {
            var box = await page.GetByTestId(testId).First.BoundingBoxAsync();
            Assert.True(box is not null, $"{testId} is not shown at {width}×{height}");
            Assert.True(
                box.Y >= 0 && box.Y + box.Height <= height && box.X >= 0 && box.X + box.Width <= width,
                $"{testId} at {width}×{height} is at x={box.X:0} y={box.Y:0} ({box.Width:0}×{box.Height:0}): outside the first screen");
        }
    }
}
