using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The real app with single sign-on switched on against a real <see cref="OidcTestProvider"/> on loopback, its
/// redirect URI registered there as an admin would, and its state in a file the tests read the audit log from.
/// </summary>
public sealed class OidcTestApp(InfluxServerFixture influx) : IAsyncLifetime
{
    private OidcTestProvider? _provider;
    private RolloutApiApp? _app;

    public OidcTestProvider Provider => _provider ?? throw new InvalidOperationException("Not started.");

    public AppStateFile State { get; } = AppStateFile.InTemp("warroom-oidc");

    public Uri Url => App.Url;

    internal RolloutApiApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _provider = await OidcTestProvider.StartAsync();
        _app = await RolloutApiApp.StartAsync(influx.Url, State.Path, _provider.AppSettings());
        _provider.RegisterRedirectUri(new Uri(_app.Url, "/signin-oidc"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        State.Delete();
    }

    /// <summary>
    /// Signs <paramref name="user"/> in as a browser does, following each redirect by hand: the app's sign-in
    /// start, the provider's <c>/authorize</c>, the app's <c>/signin-oidc</c>. Returns the cookie-keeping client
    /// and where the app finally sent it (the return URL, or <c>/sign-in?error=…</c>).
    /// </summary>
    public async Task<(HttpClient Client, string Landing)> SignInAsync(OidcTestUser? user, string returnUrl = "/")
    {
        Provider.NextUser = user;
        var client = WarRoomSignIn.NewClient(Url);
        var start = await RedirectAsync(client, new Uri($"/account/sign-in/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        Assert.StartsWith($"{Provider.Issuer}/authorize?", start.AbsoluteUri, StringComparison.Ordinal);
        var callback = await RedirectAsync(client, start);
        Assert.Equal(new Uri(Url, "/signin-oidc").AbsoluteUri, callback.GetLeftPart(UriPartial.Path));
        var landing = await RedirectAsync(client, callback);
        return (client, landing.OriginalString);
    }

    private async Task<Uri> RedirectAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        var body = response.StatusCode == HttpStatusCode.Redirect ? string.Empty : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {uri}: expected a redirect, got {(int)response.StatusCode} {body}\nApp output:\n{App.Output}");
        return response.Headers.Location!;
    }
}
