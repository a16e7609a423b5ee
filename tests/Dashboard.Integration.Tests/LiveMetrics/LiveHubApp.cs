using System.Net;
using System.Net.Http.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// One real app for the <c>/hubs/live</c> tests: a 1 s poll and a short <c>Auth:RevalidationInterval</c>, its own InfluxDB
/// database, and real SignalR clients (WebSockets) that sign in as a kiosk screen (the link's cookie), a person (the
/// sign-in form's cookie) or an API key, as their callers do.
/// </summary>
public sealed class LiveHubApp(InfluxServerFixture influx) : IAsyncLifetime
{
    /// <summary>How often the app re-checks hub sessions.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(2);

    private static readonly string[] ViewerRole = ["Viewer"];

    private RolloutApiApp? _app;

    public RolloutApiApp App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Admin => App.Http;

    public async Task InitializeAsync()
    {
        var database = await influx.CreateDatabaseAsync("hub");
        _app = await RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string>
        {
            ["Influx__Database"] = database,
            ["LiveMetrics__PollInterval"] = "00:00:01",
            ["Auth__RevalidationInterval"] = RevalidationInterval.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Creates a kiosk link and returns its id and a hub connection of a screen that opened it.</summary>
    public async Task<(Guid LinkId, LiveHubClient Client)> KioskAsync(string name)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/kiosk-links", new { name });
        var body = await App.ReadAsync(response, HttpStatusCode.Created);
        var cookies = new CookieContainer();
        using var screen = NewClient(cookies);
        using var opened = await screen.GetAsync(new Uri(body.GetProperty("path").GetString()!, UriKind.Relative));
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect && opened.Headers.Location?.OriginalString == "/warroom", $"opening the kiosk link: {opened.StatusCode}");
        return (body.GetProperty("link").GetProperty("id").GetGuid(), await ConnectAsync(options => options.Cookies = cookies));
    }

    /// <summary>Creates a person (a viewer) and returns their id and a hub connection made with their sign-in cookie.</summary>
    public async Task<(Guid PersonId, LiveHubClient Client)> PersonAsync(string userName)
    {
        using var created = await Admin.PostAsJsonAsync("/api/admin/people", new { userName, displayName = userName, password = TestPeople.Password, roles = Array.Empty<string>() });
        var person = await App.ReadAsync(created, HttpStatusCode.Created);
        var cookies = new CookieContainer();
        using var browser = NewClient(cookies);
        var token = WarRoomSignIn.AntiforgeryTokenOf(await browser.GetStringAsync(new Uri("/sign-in", UriKind.Relative)))
            ?? throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var signedIn = await WarRoomSignIn.PostSignInFormAsync(browser, token, userName, TestPeople.Password, "/");
        Assert.True(
            signedIn.StatusCode == HttpStatusCode.Redirect && signedIn.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.Ordinal) == false,
            $"signing in as {userName}: {signedIn.StatusCode} → {signedIn.Headers.Location}");
        return (person.GetProperty("id").GetGuid(), await ConnectAsync(options => options.Cookies = cookies));
    }

    /// <summary>Creates an API key (Viewer) and returns its id and a hub connection that presents it.</summary>
    public async Task<(Guid KeyId, LiveHubClient Client)> ApiKeyAsync(string name)
    {
        using var created = await Admin.PostAsJsonAsync("/api/admin/api-keys", new { name, roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        var key = await App.ReadAsync(created, HttpStatusCode.Created);
        var token = key.GetProperty("token").GetString();
        return (key.GetProperty("key").GetProperty("id").GetGuid(), await ConnectAsync(options => options.AccessTokenProvider = () => Task.FromResult(token)));
    }

    private async Task<LiveHubClient> ConnectAsync(Action<HttpConnectionOptions> authenticate)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Url, "/hubs/live"), options =>
            {
                authenticate(options);
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var client = new LiveHubClient(hub);
        await hub.StartAsync();
        return client;
    }

    private HttpClient NewClient(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = App.Url };
}
