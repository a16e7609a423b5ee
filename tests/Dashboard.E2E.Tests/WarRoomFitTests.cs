using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The war-room TV is one screen nobody scrolls: at 1920×1080 and at 1280×720, with a rollout running — its
/// checkpoints, its gate, its guardrails' chips and an open incident on screen — the page is no taller than the window, every section
/// is inside it, the charts have room, and no text is smaller than 2 % of the screen's height. Both screenshots
/// land in TestResults/artifacts/ for people to look at.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class WarRoomFitTests(LiveAppFixture fixture, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 30_000 };

    // What the TV shows (docs/rollouts-ui.md, "War-room view"): each must be wholly on screen.
    private static readonly string[] Sections =
    [
        "clock", "warroom-checkpoints", "on-call", "open-incidents", "gate-summary", "warroom-guardrails",
        "tile-errorRatePct", "tile-p99Ms", "tile-availabilityPct", "tile-rps", "tile-activeLearners", "tile-revenueImpactPct",
        "chart-errorRatePct", "chart-p99Ms",
    ];

    // Measured in the page: the page's height, any section outside the window (or cut off by the state column),
    // the charts' plot heights, and the smallest visible text with where it is.
    private const string MeasureScript = """
        sections => {
          const problems = [];
          for (const id of sections) {
            const element = document.querySelector(`[data-testid='${id}']`);
            if (!element) { problems.push(`${id}: missing`); continue; }
            const box = element.getBoundingClientRect();
            const column = element.closest('.warroom__state');
            const bottom = column ? Math.min(column.getBoundingClientRect().bottom, innerHeight) : innerHeight;
            if (box.height === 0 || box.top < 0 || box.bottom > bottom + 0.5 || box.left < 0 || box.right > innerWidth + 0.5)
              problems.push(`${id}: ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}`);
          }
          const plots = [...document.querySelectorAll('.warroom__charts svg.time-chart__svg')].map(svg => svg.getBoundingClientRect().height);
          let smallest = Infinity, smallestText = '';
          for (const element of document.querySelectorAll('.kiosk *')) {
            const text = [...element.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent.trim()).join(' ').trim();
            if (!text || element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden') continue;
            const size = parseFloat(getComputedStyle(element).fontSize);
            if (size < smallest) { smallest = size; smallestText = text.slice(0, 40); }
          }
          return { scrollHeight: document.documentElement.scrollHeight, innerHeight, scrollWidth: document.documentElement.scrollWidth,
                   innerWidth, problems, plots, smallest, smallestText };
        }
        """;

    [Fact]
    public async Task WarRoom_WithARolloutRunning_FitsA1080pAndA720pScreenWithoutScrolling()
    {
        var service = $"fit-{Guid.NewGuid().ToString("N")[..6]}";
        var incident = $"Checkout 5xx on {service}";
        await StartRolloutWithAnIncidentAsync(service, incident);

        foreach (var (width, height) in new[] { (1920, 1080), (1280, 720) })
        {
            await using var context = await fixture.Live.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await fixture.Live.OpenAsync("/warroom", context);
            await WaitUntilPopulatedAsync(page, service, incident);

            var fit = Fit.Of(await page.EvaluateAsync<JsonElement>(MeasureScript, Sections));
            var path = Path.Combine(RepositoryPaths.Artifacts, $"warroom-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = path });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{width}×{height}: scrollHeight {fit.ScrollHeight} / innerHeight {fit.InnerHeight}, scrollWidth {fit.ScrollWidth} / innerWidth {fit.InnerWidth}, " +
                $"chart plots {string.Join(" and ", fit.Plots.Select(p => $"{p:0} px"))} tall, smallest text {fit.Smallest:0.#} px ('{fit.SmallestText}'), " +
                $"screenshot {path} ({new FileInfo(path).Length} bytes)"));

            Assert.True(fit.ScrollHeight <= fit.InnerHeight, $"{width}×{height}: the page is {fit.ScrollHeight} px tall in a {fit.InnerHeight} px window.");
            Assert.True(fit.ScrollWidth <= fit.InnerWidth, $"{width}×{height}: the page is {fit.ScrollWidth} px wide in a {fit.InnerWidth} px window.");
            Assert.True(fit.Problems.Length == 0, $"{width}×{height}: not wholly on screen: {string.Join("; ", fit.Problems)}");
            Assert.Equal(2, fit.Plots.Length);
            // A sixth of the screen even with the stale and blind-guardrail banners up, as they may be here.
            Assert.All(fit.Plots, plot => Assert.True(plot >= height / 6.0, $"{width}×{height}: a chart's plot is only {plot:0} px tall."));
            Assert.True(fit.Smallest >= height * 0.019, $"{width}×{height}: '{fit.SmallestText}' is set in {fit.Smallest} px, under 2 % of the screen's height.");
        }
    }

    /// <summary>Waits (bounded) until the rollout's checkpoints, its gate, the incident, live tiles and all three lines of both charts are shown.</summary>
    private static async Task WaitUntilPopulatedAsync(IPage page, string service, string incident)
    {
        await Assertions.Expect(page.GetByTestId("warroom-checkpoints")).ToContainTextAsync(service, Live);
        await Assertions.Expect(page.GetByTestId("gate-summary")).ToContainTextAsync("waiting for", Live);
        await Assertions.Expect(page.GetByTestId("open-incidents")).ToContainTextAsync(incident, Live);
        // The guardrails' chip per rule of the followed rollout (the canary's four triggers), once they have polled it.
        await Assertions.Expect(page.GetByTestId("warroom-guardrail-rule")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("tile-errorRatePct-canary")).ToHaveTextAsync(Number(), new() { Timeout = 45_000 });
        foreach (var chart in new[] { "chart-errorRatePct", "chart-p99Ms" })
        {
            // Baseline, canary and the threshold line.
            await Assertions.Expect(page.Locator($"[data-testid='{chart}'] [data-testid=chart-line][data-cohort=Baseline] :is(path, circle)").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator($"[data-testid='{chart}'] [data-testid=chart-line][data-cohort=Canary] :is(path, circle)").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator($"[data-testid='{chart}'] [data-testid=chart-threshold]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }
    }

    /// <summary>A rollout of the three-phase plan (its canary gated by two leads), started, with one open incident.</summary>
    private async Task StartRolloutWithAnIncidentAsync(string service, string incident)
    {
        using var admin = await fixture.Live.App.SignInAsAdminAsync();
        var created = await ApiCalls.PostAsync(admin, "/api/rollouts", new { service, baselineVersion = "2.9.4", candidateVersion = "3.0.0", planId = "three-phase", reason = "war-room fit test" });
        var id = created.GetProperty("id").GetGuid();
        await ApiCalls.PostAsync(admin, $"/api/rollouts/{id}/start", new { reason = "canary goes live" });
        await ApiCalls.PostAsync(admin, $"/api/rollouts/{id}/incidents", new { severity = "high", title = incident, description = "errors on /checkout", owner = "carol" });
    }

    [GeneratedRegex(@"^\s*-?\d")]
    private static partial Regex Number();

    private sealed record Fit(int ScrollHeight, int InnerHeight, int ScrollWidth, int InnerWidth, string[] Problems, double[] Plots, double Smallest, string SmallestText)
    {
        public static Fit Of(JsonElement json) => new(
            json.GetProperty("scrollHeight").GetInt32(),
            json.GetProperty("innerHeight").GetInt32(),
            json.GetProperty("scrollWidth").GetInt32(),
            json.GetProperty("innerWidth").GetInt32(),
            [.. json.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? string.Empty)],
            [.. json.GetProperty("plots").EnumerateArray().Select(p => p.GetDouble())],
            json.GetProperty("smallest").GetDouble(),
            json.GetProperty("smallestText").GetString() ?? string.Empty);
    }
}
