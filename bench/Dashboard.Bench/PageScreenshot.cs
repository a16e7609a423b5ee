using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>Saves a screenshot of a running app's page once <c>waitFor</c> (by default a chart line) is on it (for the README).</summary>
public static class PageScreenshot
{
    public static async Task RunAsync(Uri url, string path, int width, int height, string waitFor)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

        // A kiosk link (/kiosk/…) signs itself in; any other page needs a person.
        if (!url.AbsolutePath.StartsWith("/kiosk/", StringComparison.Ordinal))
        {
            var (userName, password) = BenchSignIn.FromEnvironment();
            await BenchSignIn.SignInAsync(page, new Uri(url.GetLeftPart(UriPartial.Authority)), userName, password);
        }

        await page.GotoAsync(url.ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.Locator(waitFor).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Console.WriteLine($"Saved {path}");
    }
}
