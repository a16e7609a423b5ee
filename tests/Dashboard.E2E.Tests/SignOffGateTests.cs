using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The war room's gate as people meet it: four leads sign in one after another in their own browsers, each
/// signs GO for their own role on the rollout page (the first also works through the checklist), and when the
/// last GO lands the gate opens and the phase advances — seen live on the page of a lead who is still watching.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class SignOffGateTests(LiveAppFixture fixture)
{
    private static readonly string[] Leads = ["EngineeringLead", "OperationsLead", "ProductLead", "FinanceLead"];
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task FourLeads_SignInTurnAndSayGo_TheGateOpensAndThePhaseAdvances()
    {
        using var admin = await fixture.Live.App.SignInAsAdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var role in Leads)
        {
            await ApiCalls.PostAsync(admin, "/api/admin/people", new { userName = UserName(role, suffix), displayName = $"{role} {suffix}", password = TestPeople.Password, roles = new[] { role } });
        }

        // The canary's gate needs all four leads and the canary checklist; its checkpoints are far away.
        var rolloutId = await GatedRollouts.StartAsync(admin, $"gate-e2e-{suffix}", ["engineeringLead", "operationsLead", "productLead", "financeLead"]);
        IPage? firstPage = null;
        var contexts = new List<IBrowserContext>();
        try
        {
            for (var i = 0; i < Leads.Length; i++)
            {
                var role = Leads[i];
                var context = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1400 } });
                contexts.Add(context);
                var page = await fixture.Live.OpenAsync($"/rollouts/{rolloutId}", context, UserName(role, suffix), TestPeople.Password);
                await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync($"{role} {suffix}");

                // Only their own role's buttons are on the page.
                Assert.Equal(1, await page.Locator("[data-testid^='signoff-go-']").CountAsync());
                if (i == 0)
                {
                    firstPage = page;
                    await TickTheWholeChecklistAsync(page);
                }

                await page.GetByTestId($"signoff-go-{role}").ClickAsync();
                await page.Locator("[data-testid='signoff-comment'] textarea, textarea[data-testid='signoff-comment']").First.FillAsync($"{role}: ready");
                await page.GetByTestId("signoff-confirm").ClickAsync();
                if (i < Leads.Length - 1)
                {
                    await Assertions.Expect(page.GetByTestId($"signoff-role-{role}")).ToHaveAttributeAsync("data-decision", "GO", Live);
                    await Assertions.Expect(page.GetByTestId("gate-summary")).ToContainTextAsync("waiting for", new() { Timeout = 15_000 });
                }
                else
                {
                    // The last GO opens the gate: the page moves on to the next phase by itself.
                    await Assertions.Expect(page.GetByTestId("phase-1")).ToHaveAttributeAsync("data-current", "true", Live);
                }

                // Each lead but the first (whose page keeps watching) signs out before the next one signs in.
                if (i > 0)
                {
                    await page.GetByTestId("sign-out").ClickAsync();
                    await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 15_000 });
                    await page.GotoAsync(new Uri(fixture.Live.App.Url, $"/rollouts/{rolloutId}").ToString());
                    Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
                }
            }

            // The first lead's page, open all along, saw the gate open and the next phase start.
            await Assertions.Expect(firstPage!.GetByTestId("phase-1")).ToHaveAttributeAsync("data-current", "true", Live);
            await firstPage.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "sign-off-gate.png"), FullPage = true });
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }

        var rollout = await admin.GetFromJsonAsync<JsonElement>($"/api/rollouts/{rolloutId}");
        Assert.Equal(1, rollout.GetProperty("currentPhaseIndex").GetInt32());
        var events = await admin.GetFromJsonAsync<JsonElement>($"/api/rollouts/{rolloutId}/events");
        var signers = events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "signOff.recorded").Select(e => e.GetProperty("actor").GetString()).ToList();
        Assert.Equal(Leads.Select(role => UserName(role, suffix)), signers);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "phase.advanced" && e.GetProperty("actor").GetString() == "automation (sign-off gate)");
    }

    private static string UserName(string role, string suffix) => $"{role.Replace("Lead", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}-{suffix}";

    private static async Task TickTheWholeChecklistAsync(IPage page)
    {
        var rows = page.Locator("[data-testid^='checklist-row-']");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count > 0, "the gate has no checklist");
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            await row.Locator("input[type=checkbox]").CheckAsync();
            await Assertions.Expect(row).ToHaveAttributeAsync("data-ticked", "true", Live);
        }

        await Assertions.Expect(page.GetByTestId("checklist-panel")).ToHaveAttributeAsync("data-complete", "true", Live);
    }
}
