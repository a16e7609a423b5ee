using System.Text.RegularExpressions;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// WCAG AA everywhere people read (docs/accessibility.md): on the main pages — sign-in, dashboard, rollouts, a
/// rollout (as an admin who may act, and as a viewer who reads its checklist read-only), an evaluated checkpoint,
/// health checks, admin and the war room — every visible text element has 4.5:1 against its background (3:1
/// when large). The test lists every element below that.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class ContrastTests(LiveAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task MainPages_EveryVisibleText_MeetsWcagAaContrast()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var viewer = $"vera-{suffix}";
        Guid rolloutId;
        using (var admin = await fixture.Live.App.SignInAsAdminAsync())
        {
            await ApiCalls.PostAsync(admin, "/api/admin/people", new { userName = viewer, displayName = $"Vera {suffix}", password = TestPeople.Password, roles = Array.Empty<string>() });
            // A checkpoint 5 s in, so the checkpoint page (its decision form included) has an evaluation to show.
            rolloutId = await GatedRollouts.StartAsync(admin, $"contrast-{suffix}", ["engineeringLead", "operationsLead"], firstCheckpoint: "5s", requestSignOff: false);
            await ApiCalls.PostAsync(admin, $"/api/rollouts/{rolloutId}/incidents", new { severity = "high", title = "Checkout 5xx", description = "errors on /checkout", owner = "carol" });
        }

        var problems = new List<string>();
        await using (var context = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } }))
        {
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync(new Uri(fixture.Live.App.Url, "/rollouts").ToString());
            await Assertions.Expect(signIn.GetByTestId("sign-in-user")).ToBeVisibleAsync();
            problems.AddRange(await TextContrast.FindProblemsAsync(signIn, "sign-in"));
            await LiveApp.SignInOnPageAsync(signIn, TestPeople.Admin, TestPeople.Password);

            var dashboard = await fixture.Live.OpenAsync("/", context);
            await Assertions.Expect(dashboard.GetByTestId("tile-errorRatePct-canary")).ToHaveTextAsync(new Regex(@"^\s*-?\d"), new() { Timeout = 45_000 });
            problems.AddRange(await TextContrast.FindProblemsAsync(dashboard, "dashboard"));

            var rollouts = await fixture.Live.OpenAsync("/rollouts", context);
            await Assertions.Expect(rollouts.GetByTestId("rollout-row").First).ToBeVisibleAsync();
            problems.AddRange(await TextContrast.FindProblemsAsync(rollouts, "rollouts"));

            var rollout = await fixture.Live.OpenAsync($"/rollouts/{rolloutId}", context);
            await Assertions.Expect(rollout.GetByTestId("checklist-panel")).ToBeVisibleAsync();
            var evaluated = rollout.Locator("a[data-testid=checkpoint-chip]").First;
            await Assertions.Expect(evaluated).ToBeVisibleAsync(new() { Timeout = 60_000 });
            problems.AddRange(await TextContrast.FindProblemsAsync(rollout, "rollout"));

            await evaluated.ClickAsync();
            await Assertions.Expect(rollout.GetByTestId("checkpoint-criteria")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            problems.AddRange(await TextContrast.FindProblemsAsync(rollout, "checkpoint"));

            var healthChecks = await fixture.Live.OpenAsync("/health-checks", context);
            problems.AddRange(await TextContrast.FindProblemsAsync(healthChecks, "health-checks"));

            var admin = await fixture.Live.OpenAsync("/admin", context);
            await Assertions.Expect(admin.GetByTestId("admin-people")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            problems.AddRange(await TextContrast.FindProblemsAsync(admin, "admin"));

            var warRoom = await fixture.Live.OpenAsync("/warroom", context);
            await Assertions.Expect(warRoom.GetByTestId("open-incidents")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            problems.AddRange(await TextContrast.FindProblemsAsync(warRoom, "warroom"));
        }

        // A viewer reads the checklist and the gate without being able to change them: disabled, yet legible.
        await using (var context = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } }))
        {
            var rollout = await fixture.Live.OpenAsync($"/rollouts/{rolloutId}", context, viewer);
            await Assertions.Expect(rollout.GetByTestId("checklist-panel")).ToBeVisibleAsync();
            problems.AddRange(await TextContrast.FindProblemsAsync(rollout, "rollout-as-viewer"));
        }

        output.WriteLine(problems.Count == 0 ? "Every visible text on the main pages meets WCAG AA." : string.Join("\n", problems));
        Assert.True(problems.Count == 0, $"{problems.Count} text element(s) below WCAG AA contrast:\n{string.Join("\n", problems)}");
    }
}
