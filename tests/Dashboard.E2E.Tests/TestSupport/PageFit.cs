using System.Text.Json;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// Checks that a page needs no sideways scrolling (<c>document.documentElement.scrollWidth &lt;= window.innerWidth</c>)
/// and leaves a full-page screenshot in TestResults/artifacts/ for people to look at (docs/accessibility.md).
/// </summary>
public static class PageFit
{
    // The page's width, and the outermost elements that stick out of the screen (to say what to fix).
    private const string MeasureScript = """
        width => {
          const out = e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 0.5;
          const outside = [...document.querySelectorAll('body *')]
            .filter(e => out(e) && !(e.parentElement && out(e.parentElement)))
            .slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`
                      + `${e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : ''} right=${Math.round(e.getBoundingClientRect().right)}`);
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth, outside };
        }
        """;

    /// <summary>
    /// Saves <c>{name}.png</c>, then fails when the page is wider than the window, naming what sticks out. A phone
    /// (<c>IsMobile</c>) zooms out to show a page wider than its screen, which widens <c>innerWidth</c> too: so the
    /// window must also still be as wide as the screen the test set. The widths measured go to <paramref name="output"/> when given.
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, string name, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, $"{name}.png"), FullPage = true });
        var screen = page.ViewportSize?.Width ?? throw new InvalidOperationException("The page has no fixed viewport to measure against.");
        var measured = await page.EvaluateAsync<JsonElement>(MeasureScript, screen);
        var scrollWidth = measured.GetProperty("scrollWidth").GetInt32();
        var innerWidth = measured.GetProperty("innerWidth").GetInt32();
        var outside = string.Join("; ", measured.GetProperty("outside").EnumerateArray().Select(e => e.GetString()));
        var where = $"{name} ({new Uri(page.Url).AbsolutePath})";
        output?.WriteLine($"{where}: scrollWidth {scrollWidth} px, innerWidth {innerWidth} px on a {screen} px screen");
        Assert.True(innerWidth == screen, $"{where}: the window is {innerWidth} px wide on a {screen} px screen (zoomed out to fit the page); sticking out: {outside}");
        Assert.True(scrollWidth <= innerWidth, $"{where}: the page is {scrollWidth} px wide in a {innerWidth} px window; sticking out: {outside}");
    }
}
