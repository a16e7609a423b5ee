using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// A kiosk link opened in a browser where a person is signed in asks before it replaces the session: the person stays
/// signed in until they confirm with the page's form, which needs its antiforgery token. Real app (child process).
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class KioskSwitchAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Fact]
    public async Task KioskLink_InABrowserWhereAPersonIsSignedIn_AsksFirst_AndSwitchesOnlyOnceConfirmed()
    {
        using var person = await access.PersonAsync("paula", "Operator");
        var (_, path) = await access.CreateKioskLinkAsync("tv-switch");

        using var asked = await person.GetAsync(path);
        var page = await asked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("data-testid=\"kiosk-switch-confirm\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(asked), c => c.StartsWith("warroom.session=", StringComparison.Ordinal));
        Assert.Equal(("paula", "Person"), await WhoAsync(person));

        using var confirmed = await ConfirmAsync(person, path, WarRoomSignIn.AntiforgeryTokenOf(page));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/warroom", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(("kiosk 'tv-switch'", "Kiosk"), await WhoAsync(person));
    }

    [Fact]
    public async Task KioskSwitch_WithoutTheAntiforgeryToken_IsRefused_AndThePersonStaysSignedIn()
    {
        using var person = await access.PersonAsync("pavel", "Operator");
        var (_, path) = await access.CreateKioskLinkAsync("tv-forged");

        using var forged = await ConfirmAsync(person, path, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(("pavel", "Person"), await WhoAsync(person));
    }

    [Fact]
    public async Task KioskShortCode_InABrowserWhereAPersonIsSignedIn_AsksFirst()
    {
        using var person = await access.PersonAsync("petra", "Operator");
        var (_, shortPath) = await access.CreateKioskCodeAsync("tv-code-switch");

        using var asked = await person.GetAsync(shortPath);
        var page = await asked.Content.ReadAsStringAsync();
        using var confirmed = await ConfirmAsync(person, shortPath, WarRoomSignIn.AntiforgeryTokenOf(page));

        Assert.Contains("data-testid=\"kiosk-switch-confirm\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(("kiosk 'tv-code-switch'", "Kiosk"), await WhoAsync(person));
    }

    [Fact]
    public async Task KioskLink_InABrowserWithNobodySignedIn_OpensTheScreenAtOnce()
    {
        using var screen = WarRoomSignIn.NewClient(access.Url);
        var (_, path) = await access.CreateKioskLinkAsync("tv-fresh");

        using var opened = await screen.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(("kiosk 'tv-fresh'", "Kiosk"), await WhoAsync(screen));
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string path, string? token)
    {
        var fields = new Dictionary<string, string> { ["confirm"] = "yes" };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<(string Name, string Kind)> WhoAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("name").GetString()!, body.RootElement.GetProperty("kind").GetString()!);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
