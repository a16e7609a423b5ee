using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>Launches Debian's Chromium through Playwright (no browser download: the package's driver is used).</summary>
public static class Chromium
{
    public const string InstallCommand = "sudo apt-get install -y chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Prerequisites.Require("chromium", InstallCommand, "/usr/bin/chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }
}
