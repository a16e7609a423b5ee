using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Guessing short codes is bounded: after <see cref="KioskCodeAttempts.MaxFailures"/> wrong codes every code is refused
/// with 429 for a while, the right one too, while the long link keeps working. Its own app, since the limit is app-wide.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class KioskShortCodeLimitAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Fact]
    public async Task TwentyWrongCodes_RefuseEveryCodeWith429_ButTheLongLinkStillWorks()
    {
        var (_, shortPath) = await access.CreateKioskCodeAsync("tv-guessed");
        var (_, longPath) = await access.CreateKioskLinkAsync("tv-long");
        using var guesser = WarRoomSignIn.NewClient(access.Url);
        for (var i = 0; i < KioskCodeAttempts.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await guesser.GetAsync($"/k/ZZZZ-ZZ{i:00}")).StatusCode);
        }

        using var screen = WarRoomSignIn.NewClient(access.Url);
        var limited = await screen.GetAsync(shortPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(9), KioskCodeAttempts.Window);
        Assert.Contains("Too many wrong kiosk codes were tried", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync(longPath)).StatusCode);
    }
}
