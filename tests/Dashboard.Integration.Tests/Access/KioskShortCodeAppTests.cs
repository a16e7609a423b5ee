using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// <c>/k/{code}</c> through the real app: a live code signs the screen in as its long link does, an unknown or
/// revoked code is a clear refusal page, and revoking the link ends the code at once (docs/access.md, "Kiosk links").
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class KioskShortCodeAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Fact]
    public async Task ShortCode_TypedInLowerCaseWithoutTheDash_SignsTheScreenInToTheWarRoom_AndIsAudited()
    {
        var (linkId, shortPath) = await access.CreateKioskCodeAsync("tv-code");
        using var screen = WarRoomSignIn.NewClient(access.Url);

        var opened = await screen.GetAsync(shortPath.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/warroom", opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/warroom")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/rollouts")).StatusCode);
        Assert.Contains(await access.AuditAsync("kioskLink.opened"), e => e.Payload.GetProperty("kioskLinkId").GetGuid() == linkId);
    }

    [Theory]
    [InlineData("/k/ZZZZ-ZZZZ", "No kiosk link has this code")]
    [InlineData("/k/hello", "This is not a kiosk code")]
    public async Task UnknownOrMalformedCode_IsAClearRefusalPage_AndIsAudited(string path, string words)
    {
        using var screen = WarRoomSignIn.NewClient(access.Url);

        var response = await screen.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == "kiosk 'invalid code'");
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync("/warroom")).StatusCode);
    }

    [Fact]
    public async Task RevokingTheLink_EndsTheCodeAtOnce_AndTheScreenItSignedIn()
    {
        var (linkId, shortPath) = await access.CreateKioskCodeAsync("tv-revoked");
        using var screen = WarRoomSignIn.NewClient(access.Url);
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync(shortPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/warroom")).StatusCode);

        Assert.True((await access.Admin.DeleteAsync($"/api/admin/kiosk-links/{linkId}")).IsSuccessStatusCode);

        var afterRevoke = await screen.GetAsync("/warroom");
        Assert.Equal(HttpStatusCode.Redirect, afterRevoke.StatusCode);
        Assert.StartsWith("/sign-in", afterRevoke.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = WarRoomSignIn.NewClient(access.Url);
        var refused = await again.GetAsync(shortPath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("The kiosk link &#39;tv-revoked&#39; was revoked.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
