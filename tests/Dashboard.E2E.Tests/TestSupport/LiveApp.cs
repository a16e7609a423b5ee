using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// A real influxd, the real app as a child process pointed at it, and a headless Chromium — the
/// whole product as a person meets it. Extra settings are the app's environment variables.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private LiveApp(InfluxServer influx, AppProcess app, IPlaywright playwright, IBrowser browser)
    {
        Influx = influx;
        App = app;
        _playwright = playwright;
        Browser = browser;
    }

    public InfluxServer Influx { get; }

    public AppProcess App { get; }

    public IBrowser Browser { get; }

    public static async Task<LiveApp> StartAsync(string database, IReadOnlyDictionary<string, string> settings)
    {
        var influx = await InfluxServer.StartAsync();
        var environment = new Dictionary<string, string>(settings)
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Influx__Database"] = database,
        };
        AppProcess? app = null;
        try
        {
            app = await AppProcess.StartAsync(environment);
            var (playwright, browser) = await Chromium.LaunchAsync();
            return new LiveApp(influx, app, playwright, browser);
        }
        catch
        {
            // A start that fails half-way must not leave influxd (or the app) running after the test run.
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await influx.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new page — signing in through the sign-in form first when the app asks,
    /// as <paramref name="userName"/> (the first admin, who holds every role, by default) — and waits until it is
    /// interactive (clicks before that would be lost).
    /// </summary>
    public async Task<IPage> OpenAsync(string path, IBrowserContext? context = null, string userName = TestPeople.Admin, string password = TestPeople.Password)
    {
        var page = context is null
            ? await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } })
            : await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.Url, path).ToString());
        if (new Uri(page.Url).AbsolutePath == "/sign-in")
        {
            await SignInOnPageAsync(page, userName, password);
        }

        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Fills and submits the sign-in form the page shows and waits to leave it.</summary>
    public static async Task SignInOnPageAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("sign-in-user").FillAsync(userName);
        await page.GetByTestId("sign-in-password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await Influx.DisposeAsync();
    }
}
