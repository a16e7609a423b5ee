using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// WCAG 2.x AA contrast of a page's visible text (docs/accessibility.md): for every element with its own text, the
/// ratio of its colour to its effective background — the first opaque background up its ancestors, with the
/// translucent ones between composited over it, and the element's and its ancestors' opacity applied to the text.
/// Normal text needs 4.5:1; large text (24 px, or 18.66 px bold) 3:1. Disabled controls are not exempt: people
/// read them to learn what they cannot do yet.
/// </summary>
public static class TextContrast
{
    private const string MeasureScript = """
        () => {
          const parse = text => {
            const m = /^rgba?\(([^)]+)\)$/.exec(text.trim());
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, under) => ({
            r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
            b: top.b * top.a + under.b * (1 - top.a), a: 1 });
          const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const hex = c => '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
          const describe = e => e.tagName.toLowerCase()
            + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '')
            + (e.closest('[data-testid]') ? ` in [data-testid=${e.closest('[data-testid]').dataset.testid}]` : '');
          const background = element => {
            const layers = [];
            for (let e = element; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c === null) return null;
              if (c.a > 0) layers.push(c);
              if (c.a >= 1) break;
            }
            // Nothing opaque up to <html>: the browser's canvas is white.
            let result = layers.length > 0 && layers[layers.length - 1].a >= 1 ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
            while (layers.length > 0) result = over(layers.pop(), result);
            return result;
          };
          const problems = [], unreadable = [];
          let checked = 0;
          for (const element of document.querySelectorAll('body *')) {
            if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION'].includes(element.tagName)) continue;
            const text = [...element.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
            if (!text) continue;
            const style = getComputedStyle(element);
            if (element.getClientRects().length === 0 || style.visibility !== 'visible' || element.closest('[hidden]')) continue;
            let opacity = 1;
            for (let e = element; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
            if (opacity === 0) continue;
            const colour = parse(element instanceof SVGElement ? style.fill : style.color);
            const under = background(element);
            if (colour === null || under === null) { unreadable.push(`'${text.slice(0, 40)}' (${describe(element)}): colour ${style.color} on ${style.backgroundColor}`); continue; }
            const shown = over({ ...colour, a: colour.a * opacity }, under);
            const lighter = Math.max(luminance(shown), luminance(under)), darker = Math.min(luminance(shown), luminance(under));
            const ratio = (lighter + 0.05) / (darker + 0.05);
            const size = parseFloat(style.fontSize), weight = parseInt(style.fontWeight, 10);
            const required = size >= 24 || (size >= 18.66 && weight >= 700) ? 3 : 4.5;
            checked++;
            if (ratio < required) problems.push({ text: text.slice(0, 50), where: describe(element), ratio, required, colour: hex(shown), background: hex(under) });
          }
          return { checked, problems, unreadable };
        }
        """;

    /// <summary>
    /// Each visible text element of <paramref name="page"/> below its AA contrast ratio, in words, prefixed with
    /// <paramref name="name"/>; fails at once when the page shows no text to check (a blank page is never a pass).
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var measured = await page.EvaluateAsync<JsonElement>(MeasureScript);
        Assert.True(measured.GetProperty("checked").GetInt32() > 0, $"{name}: no visible text was found to check.");
        var problems = measured.GetProperty("problems").EnumerateArray()
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{name}: '{p.GetProperty("text").GetString()}' ({p.GetProperty("where").GetString()}) {p.GetProperty("ratio").GetDouble():0.00}:1 < {p.GetProperty("required").GetDouble():0.#}:1, {p.GetProperty("colour").GetString()} on {p.GetProperty("background").GetString()}"))
            .Concat(measured.GetProperty("unreadable").EnumerateArray().Select(u => $"{name}: colour not measurable: {u.GetString()}"));
        return [.. problems.Distinct()];
    }
}
