using System.Text.RegularExpressions;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using static Dashboard.E2E.Tests.TestSupport.PageFields;

namespace Dashboard.E2E.Tests;

/// <summary>
/// A lead woken at 3 a.m. does the whole sign-off journey on a 390×844 phone, and again on a 1600×1000 laptop:
/// signs in, sees the dashboard, finds the rollout, signs GO for their role on a button that names it, ticks the
/// checklist, opens and updates an incident, holds and rolls back. No page they visit scrolls sideways
/// (docs/accessibility.md); each leaves phone-*.png or laptop-*.png in TestResults/artifacts/.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class LeadJourneyTests(LiveAppFixture fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };
    private static readonly string[] LeadRoles = ["EngineeringLead"];

    [Fact]
    public Task LeadSignOffJourney_OnA390x844Phone_NeedsNoSidewaysScrolling() =>
        WalkTheJourneyAsync("phone", new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });

    [Fact]
    public Task LeadSignOffJourney_OnA1600x1000Laptop_NeedsNoSidewaysScrolling() =>
        WalkTheJourneyAsync("laptop", new() { ViewportSize = new() { Width = 1600, Height = 1000 } });

    private async Task WalkTheJourneyAsync(string device, BrowserNewContextOptions screen)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lead = $"erin-{device}-{suffix}";
        Guid rolloutId;
        using (var admin = await fixture.Live.App.SignInAsAdminAsync())
        {
            await ApiCalls.PostAsync(admin, "/api/admin/people", new { userName = lead, displayName = $"Erin {suffix}", password = TestPeople.Password, roles = LeadRoles });
            rolloutId = await GatedRollouts.StartAsync(admin, $"{device}-journey-{suffix}", ["engineeringLead", "operationsLead"]);
        }

        await using var context = await fixture.Live.Browser.NewContextAsync(screen);
        var page = await context.NewPageAsync();

        // Sign in, and land on the live dashboard once its tiles show numbers.
        await page.GotoAsync(new Uri(fixture.Live.App.Url, "/").ToString());
        await Assertions.Expect(page.GetByTestId("sign-in-user")).ToBeVisibleAsync();
        await PageFit.AssertFitsAsync(page, $"{device}-sign-in");
        await LiveApp.SignInOnPageAsync(page, lead, TestPeople.Password);
        await WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("tile-errorRatePct-canary")).ToHaveTextAsync(Number(), new() { Timeout = 45_000 });
        await PageFit.AssertFitsAsync(page, $"{device}-dashboard");

        // Every page and Sign out are reachable from the app bar: on a phone through its menu.
        await OpenRolloutsAsync(page, device);
        await Assertions.Expect(page.Locator($"[data-testid=rollout-row][data-rollout-id='{rolloutId}']")).ToBeVisibleAsync();
        await PageFit.AssertFitsAsync(page, $"{device}-rollouts");

        // The rollout's state, then the gate: the GO button names the role and is wholly on screen.
        await page.Locator($"[data-testid=rollout-row][data-rollout-id='{rolloutId}'] [data-testid=rollout-link]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/rollouts/{rolloutId}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("rollout-status")).ToHaveAttributeAsync("data-status", "InProgress", Live);
        var go = page.GetByTestId("signoff-go-EngineeringLead");
        await Assertions.Expect(go).ToHaveTextAsync(new Regex("GO as Engineering lead"));
        await Assertions.Expect(page.GetByTestId("signoff-nogo-EngineeringLead")).ToHaveTextAsync(new Regex("NO-GO as Engineering lead"));
        await AssertWhollyOnScreenAsync(page, go);
        await PageFit.AssertFitsAsync(page, $"{device}-rollout");

        await go.ClickAsync();
        await Field(page, "signoff-comment").FillAsync("error rate flat, no new exceptions");
        await PageFit.AssertFitsAsync(page, $"{device}-sign-off-dialog");
        await page.GetByTestId("signoff-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signoff-role-EngineeringLead")).ToHaveAttributeAsync("data-decision", "GO", Live);
        await Assertions.Expect(page.GetByTestId("gate-summary")).ToContainTextAsync("waiting for operations lead", new() { Timeout = 15_000 });

        // Tick one checklist item.
        var item = page.Locator("[data-testid^='checklist-row-']").First;
        await item.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-ticked", "true", Live);

        // Open an incident, then add an update to it.
        await page.GetByTestId("open-incident").ClickAsync();
        await Field(page, "title-input").FillAsync($"Checkout 5xx ({device})");
        await Field(page, "description-input").FillAsync("errors on /checkout");
        await Field(page, "owner-input").FillAsync("erin");
        await PageFit.AssertFitsAsync(page, $"{device}-incident-dialog");
        await page.GetByTestId("confirm-incident").ClickAsync();
        var incident = page.GetByTestId("incident-row");
        await Assertions.Expect(incident).ToHaveAttributeAsync("data-state", "open", Live);
        await page.GetByTestId("update-incident").ClickAsync();
        await Field(page, "text-input").FillAsync("rolled the config back, watching");
        await PageFit.AssertFitsAsync(page, $"{device}-incident-update-dialog");
        await page.GetByTestId("confirm-update").ClickAsync();
        await Assertions.Expect(incident).ToContainTextAsync("rolled the config back, watching", new() { Timeout = 15_000 });
        await PageFit.AssertFitsAsync(page, $"{device}-incident");

        // Hold, then roll back: the gate no longer claims to wait for anyone.
        await ActAsync(page, "hold", "investigating the 5xx");
        await Assertions.Expect(page.GetByTestId("rollout-status")).ToHaveAttributeAsync("data-status", "Held", Live);
        await ActAsync(page, "roll-back", "5xx confirmed on the canary");
        await Assertions.Expect(page.GetByTestId("rollout-status")).ToHaveAttributeAsync("data-status", "RolledBack", Live);
        await Assertions.Expect(page.GetByTestId("gate-summary")).ToHaveTextAsync("No sign-off needed: the rollout was rolled back in phase canary.", new() { Timeout = 15_000 });
        await PageFit.AssertFitsAsync(page, $"{device}-rolled-back");
    }

    /// <summary>Goes to /rollouts the way a person would: the app bar's link, or on a phone its menu (which also holds the other pages and Sign out).</summary>
    private static async Task OpenRolloutsAsync(IPage page, string device)
    {
        if (device == "phone")
        {
            await Assertions.Expect(page.Locator(".app-bar__links")).ToBeHiddenAsync();
            await page.Locator(".app-bar__menu button").ClickAsync();
            var menu = page.Locator(".app-bar__menu-list");
            foreach (var href in new[] { "/", "/rollouts", "/health-checks", "/warroom" })
            {
                await Assertions.Expect(menu.Locator($"a[href='{href}']")).ToBeVisibleAsync();
            }

            await AssertWhollyOnScreenAsync(page, page.GetByTestId("sign-out"));
            await PageFit.AssertFitsAsync(page, "phone-menu");
            await menu.Locator("a[href='/rollouts']").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/rollouts", StringComparison.Ordinal), new() { Timeout = 30_000 });
            // The layout outlives the page: a menu left open would take the next tap meant for the page.
            await Assertions.Expect(menu).ToBeHiddenAsync();
        }
        else
        {
            await Assertions.Expect(page.Locator(".app-bar__menu")).ToBeHiddenAsync();
            await AssertWhollyOnScreenAsync(page, page.GetByTestId("sign-out"));
            await page.Locator(".app-bar__links a[href='/rollouts']").ClickAsync();
        }

        await page.WaitForURLAsync(url => url.EndsWith("/rollouts", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }

    private static async Task ActAsync(IPage page, string action, string reason)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToBeVisibleAsync();
        await Field(page, "reason-input").FillAsync(reason);
        await PageFit.AssertFitsAsync(page, $"{(page.ViewportSize!.Width < 600 ? "phone" : "laptop")}-{action}-dialog");
        await page.GetByTestId("confirm-action").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    private static async Task AssertWhollyOnScreenAsync(IPage page, ILocator element)
    {
        await Assertions.Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("no box for a visible element");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"'{await element.TextContentAsync()}' spans x = {box.X:0} to {box.X + box.Width:0} in a {width} px window.");
    }

    private static async Task WaitInteractiveAsync(IPage page) =>
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    [GeneratedRegex(@"^\s*-?\d")]
    private static partial Regex Number();
}
