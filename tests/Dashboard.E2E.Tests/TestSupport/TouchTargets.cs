using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// A control a thumb can use (docs/accessibility.md): at least 24×24 CSS px (WCAG 2.5.8), wholly on screen, and
/// not covered by anything else where the finger lands (its middle).
/// </summary>
public static class TouchTargets
{
    public const double MinimumSize = 24;

    private const string MeasureScript = """
        e => {
          e.scrollIntoView({ block: 'center' });
          const r = e.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { left: r.left, right: r.right, width: r.width, height: r.height, covered: !(hit && (hit === e || e.contains(hit))), screen: window.innerWidth };
        }
        """;

    public static async Task AssertUsableAsync(IPage page, ILocator control)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(control);
        await Assertions.Expect(control).ToBeVisibleAsync();
        var box = await control.EvaluateAsync<JsonElement>(MeasureScript);
        var (left, right, width, height) = (box.GetProperty("left").GetDouble(), box.GetProperty("right").GetDouble(), box.GetProperty("width").GetDouble(), box.GetProperty("height").GetDouble());
        var what = $"'{(await control.TextContentAsync())?.Trim()}' on {new Uri(page.Url).AbsolutePath}";
        Assert.True(width >= MinimumSize && height >= MinimumSize, $"{what} is {width:0}×{height:0} px: a thumb needs {MinimumSize}×{MinimumSize}.");
        Assert.True(left >= 0 && right <= box.GetProperty("screen").GetDouble(), $"{what} spans x = {left:0} to {right:0}: not wholly on screen.");
        Assert.False(box.GetProperty("covered").GetBoolean(), $"{what} is covered by another element where a finger lands.");
    }
}
