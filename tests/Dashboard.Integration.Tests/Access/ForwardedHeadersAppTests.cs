using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Behind a configured proxy the app takes the client's address and scheme from <c>X-Forwarded-For</c>/<c>-Proto</c>:
/// the audit records the real client, cookies are Secure and HSTS is sent over https. A client that is not on this
/// machine gets Secure cookies even over plain http. Real app (child process) with the test as its trusted proxy.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ForwardedHeadersAppTests(ProxiedAccessApp access) : IClassFixture<ProxiedAccessApp>
{
    private const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";

    [Fact]
    public async Task SignInThroughATlsProxy_AuditsTheClientAddress_SetsSecureCookies_AndSendsHsts()
    {
        var (client, browser) = ProxiedBrowser.Open(access.Url, "203.0.113.10", https: true);
        using (client)
        {
            using var form = await client.GetAsync("/sign-in");
            var token = WarRoomSignIn.AntiforgeryTokenOf(await form.Content.ReadAsStringAsync())!;
            using var signedIn = await WarRoomSignIn.PostSignInFormAsync(client, token, TestPeople.Admin, TestPeople.Password, "/");
            using var me = await client.GetAsync("/api/me");

            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single());
            Assert.Contains("; secure", browser.SetCookie(AntiforgeryCookie), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; secure", browser.SetCookie("warroom.session="), StringComparison.OrdinalIgnoreCase);
            Assert.Contains(await access.AuditAsync("person.signedIn"), e => e.Payload.GetProperty("source").GetString() == "203.0.113.10");
        }
    }

    [Fact]
    public async Task PlainHttpFromAnotherMachine_StillGetsSecureCookies_ButNoHsts()
    {
        var (client, browser) = ProxiedBrowser.Open(access.Url, "203.0.113.11", https: false);
        using (client)
        {
            using var form = await client.GetAsync("/sign-in");

            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.False(form.Headers.Contains("Strict-Transport-Security"));
            Assert.Contains("; secure", browser.SetCookie(AntiforgeryCookie), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task HttpsFromThisMachineToLoopback_GetsNoHsts()
    {
        var (client, _) = ProxiedBrowser.Open(access.Url, "127.0.0.1", https: true);
        using (client)
        {
            using var form = await client.GetAsync("/sign-in");

            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.False(form.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task JunkKioskLinkThroughTheProxy_IsAuditedWithTheClientAddress()
    {
        var (client, _) = ProxiedBrowser.Open(access.Url, "203.0.113.12", https: true);
        using (client)
        {
            using var refused = await client.GetAsync("/kiosk/junk");

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(await access.AuditAsync("access.refused"), e => e.Payload.TryGetProperty("source", out var source) && source.GetString() == "203.0.113.12");
        }
    }
}
