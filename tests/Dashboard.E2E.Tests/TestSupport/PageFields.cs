using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>Finds form fields the way people fill them, whichever element of a MudBlazor field carries the test id.</summary>
public static class PageFields
{
    /// <summary>The input or textarea of a MudBlazor field, whether the test id sits on it or on its wrapper.</summary>
    public static ILocator Field(IPage page, string testId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator($":is(input, textarea)[data-testid='{testId}'], [data-testid='{testId}'] :is(input, textarea)").First;
    }
}
