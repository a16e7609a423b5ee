using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The first run of the real app: with nobody in the state store and no <c>Auth:InitialAdmin</c> it prints a
/// one-time set-up link; the link's form creates the admin and signs them in, once. With the admin configured
/// no link is printed. A wrong <c>Auth:*</c> setting stops the app at start-up.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed partial class FirstRunSetupTests(InfluxServerFixture influx)
{
    private const string Password = "a-long-first-admin-password";

    [Fact]
    public async Task FirstRun_WithoutInitialAdmin_PrintsASetUpLink_WhosePageHasTheForm()
    {
        await using var run = await StartAsync(initialAdmin: false);
        var (link, _) = await run.SetUpLinkAsync();
        using var client = WarRoomSignIn.NewClient(run.App.Url);

        Assert.Equal(run.App.Url.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        var page = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("data-testid=\"setup-form\"", page, StringComparison.Ordinal);
        Assert.NotNull(WarRoomSignIn.AntiforgeryTokenOf(page));
        Assert.Contains("data-testid=\"setup-pending\"", await client.GetStringAsync("/sign-in"), StringComparison.Ordinal);
        Assert.Equal(0L, await run.State.ScalarAsync("SELECT COUNT(*) FROM People"));
    }

    [Fact]
    public async Task SetUpLink_CreatesTheAdminAndOperator_SignsThemIn_AndIsAudited()
    {
        await using var run = await StartAsync(initialAdmin: false);
        var (link, token) = await run.SetUpLinkAsync();
        using var client = WarRoomSignIn.NewClient(run.App.Url);

        var response = await PostSetupAsync(client, link.PathAndQuery, token, "ada", "Ada Admin", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("ada", me.GetProperty("name").GetString());
        Assert.Equal("Ada Admin", me.GetProperty("displayName").GetString());
        Assert.Equal(["Operator", "Admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        var created = Assert.Single(await run.State.AuditAsync("person.created"));
        Assert.Equal("first run (set-up link)", created.Actor);
        Assert.Equal("ada", created.Payload.GetProperty("userName").GetString());
        Assert.Equal("set-up link", Assert.Single(await run.State.AuditAsync("person.signedIn"), e => e.Actor == "ada").Payload.GetProperty("method").GetString());

        // From then on the admin signs in with the password chosen on the form.
        using var again = await WarRoomSignIn.SignInAsync(run.App.Url, "ada", Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SetUpLink_OnceUsed_ShowsItIsInvalid_AndASecondPostIsRefused()
    {
        await using var run = await StartAsync(initialAdmin: false);
        var (link, token) = await run.SetUpLinkAsync();
        using (var first = WarRoomSignIn.NewClient(run.App.Url))
        {
            Assert.Equal("/admin", (await PostSetupAsync(first, link.PathAndQuery, token, "ada", "Ada", Password)).Headers.Location!.OriginalString);
        }

        using var second = WarRoomSignIn.NewClient(run.App.Url);
        var page = await second.GetStringAsync(link.PathAndQuery);
        Assert.Contains("data-testid=\"setup-invalid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"setup-form\"", page, StringComparison.Ordinal);

        var response = await PostSetupAsync(second, "/sign-in", token, "mallory", "Mallory", Password);

        Assert.StartsWith("/setup?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("not valid any more", Uri.UnescapeDataString(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        Assert.Equal("ada", await run.State.ScalarAsync("SELECT group_concat(UserName) FROM People"));
    }

    [Fact]
    public async Task SetUp_WithAWrongToken_IsRefused_AndTheRealLinkStillWorks()
    {
        await using var run = await StartAsync(initialAdmin: false);
        var (link, token) = await run.SetUpLinkAsync();
        using var client = WarRoomSignIn.NewClient(run.App.Url);

        Assert.Contains("data-testid=\"setup-invalid\"", await client.GetStringAsync("/setup?token=guessed"), StringComparison.Ordinal);
        var response = await PostSetupAsync(client, "/sign-in", "guessed", "mallory", "Mallory", Password);

        Assert.Contains("not valid any more", Uri.UnescapeDataString(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(0L, await run.State.ScalarAsync("SELECT COUNT(*) FROM People"));
        Assert.Equal("/admin", (await PostSetupAsync(client, link.PathAndQuery, token, "ada", "Ada", Password)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SetUp_WithBadFields_SaysWhyByField_CreatesNobody_AndTheLinkStillWorks()
    {
        await using var run = await StartAsync(initialAdmin: false);
        var (link, token) = await run.SetUpLinkAsync();
        using var client = WarRoomSignIn.NewClient(run.App.Url);

        var response = await PostSetupAsync(client, link.PathAndQuery, token, "a b", "Ada", "short");

        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/setup?token=", location, StringComparison.Ordinal);
        Assert.Contains("userName may hold only", Uri.UnescapeDataString(location), StringComparison.Ordinal);
        Assert.Contains("password must be at least 12 characters", Uri.UnescapeDataString(location), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"setup-error\"", await client.GetStringAsync(location), StringComparison.Ordinal);
        Assert.Equal(0L, await run.State.ScalarAsync("SELECT COUNT(*) FROM People"));
        Assert.Equal("/admin", (await PostSetupAsync(client, link.PathAndQuery, token, "ada", "Ada", Password)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FirstRun_WithInitialAdminConfigured_PrintsNoLink_AndThatAdminCanSignIn()
    {
        await using var run = await StartAsync(initialAdmin: true);
        using var admin = await run.App.SignInAsAdminAsync();

        Assert.Equal(TestPeople.Admin, (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("name").GetString());
        Assert.DoesNotContain("/setup?token=", run.App.Output, StringComparison.Ordinal);
        Assert.Equal("first run (configuration)", Assert.Single(await run.State.AuditAsync("person.created")).Actor);
        using var anonymous = WarRoomSignIn.NewClient(run.App.Url);
        Assert.Contains("data-testid=\"setup-invalid\"", await anonymous.GetStringAsync("/setup?token=anything"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"setup-pending\"", await anonymous.GetStringAsync("/sign-in"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth__InitialAdmin__Password=", "Auth:InitialAdmin needs both UserName and Password")]
    [InlineData("Auth__InitialAdmin__Password=too-short", "Auth:InitialAdmin:Password must be at least 12 characters")]
    [InlineData("Auth__InitialAdmin__UserName=first admin", "Auth:InitialAdmin:UserName may hold only")]
    [InlineData("Auth__InitialAdmin__Roles__0=Overlord", "Auth:InitialAdmin:Roles has unknown role 'Overlord'")]
    [InlineData("Auth__MinPasswordLength=4", "Auth:MinPasswordLength must be within 8..128")]
    [InlineData("Auth__Oidc__Enabled=true;Auth__Oidc__Authority=https://login.example.com", "Auth:Oidc:ClientId is required")]
    [InlineData("Auth__Oidc__Enabled=true;Auth__Oidc__Authority=login.example.com;Auth__Oidc__ClientId=war-room", "Auth:Oidc:Authority must be an absolute http(s) URL")]
    [InlineData("Auth__Oidc__Enabled=true;Auth__Oidc__Authority=http://127.0.0.1:9;Auth__Oidc__ClientId=war-room", "Auth:Oidc:Authority must be https")]
    [InlineData("Auth__Oidc__Enabled=true;Auth__Oidc__Authority=https://login.example.com;Auth__Oidc__ClientId=war-room;Auth__Oidc__UserNameClaim= ", "Auth:Oidc:UserNameClaim is required")]
    public async Task Start_WithABadAuthSetting_ExitsWithOneLineSayingWhatIsWrong(string variables, string expected)
    {
        var settings = variables.Split(';').Select(v => v.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        settings["Demo__Enabled"] = "false";

        await using var app = await AppProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(60));

        Assert.Equal(2, app.ExitCode);
        var line = Assert.Single(app.Output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    private async Task<FirstRun> StartAsync(bool initialAdmin)
    {
        var state = AppStateFile.InTemp("warroom-setup");
        var settings = new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Demo__Enabled"] = "false",
            [state.Setting.Key] = state.Setting.Value,
        };
        if (!initialAdmin)
        {
            settings["Auth__InitialAdmin__UserName"] = string.Empty;
            settings["Auth__InitialAdmin__Password"] = string.Empty;
        }

        return new FirstRun(await AppProcess.StartAsync(settings), state);
    }

    /// <summary>Posts the set-up form with <paramref name="token"/> and the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostSetupAsync(
        HttpClient client, string formPage, string token, string userName, string displayName, string password)
    {
        var antiforgery = WarRoomSignIn.AntiforgeryTokenOf(await client.GetStringAsync(formPage));
        Assert.True(antiforgery is not null, $"No antiforgery token on {formPage}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["token"] = token,
            ["userName"] = userName,
            ["displayName"] = displayName,
            ["password"] = password,
        });
        return await client.PostAsync("/account/setup", form);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/setup\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex SetUpLink();

    /// <summary>One app on its own state file, both gone on dispose.</summary>
    private sealed class FirstRun(AppProcess app, AppStateFile state) : IAsyncDisposable
    {
        public AppProcess App { get; } = app;

        public AppStateFile State { get; } = state;

        /// <summary>The link the app printed and its token; printed once it listens, so it may trail the health check a moment.</summary>
        public async Task<(Uri Link, string Token)> SetUpLinkAsync()
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (SetUpLink().Match(App.Output) is { Success: true } match)
                {
                    return (new Uri(match.Value), match.Groups[1].Value);
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException($"The app printed no set-up link. Its output:\n{App.Output}");
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            State.Delete();
        }
    }
}
