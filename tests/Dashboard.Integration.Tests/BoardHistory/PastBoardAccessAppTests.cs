using System.Globalization;
using System.Net;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.BoardHistory;

/// <summary>
/// Who may see the board as it was (docs/board-history.md): every signed-in person, a viewer included; a kiosk screen
/// only <c>/warroom?at=</c>, as it may open <c>/warroom</c>, and neither the desk board nor the API.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class PastBoardAccessAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static readonly string Moment = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Viewer_ReadsThePastSnapshotAndBothPastBoards()
    {
        using var viewer = await access.PersonAsync("past-viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/metrics/snapshot?at={Moment}")).StatusCode);
        Assert.Contains("not live", await viewer.GetStringAsync($"/?at={Moment}"), StringComparison.Ordinal);
        Assert.Contains("not live", await viewer.GetStringAsync($"/warroom?at={Moment}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KioskScreen_OpensOnlyThePastWarRoom()
    {
        var (_, path) = await access.CreateKioskLinkAsync("tv-past");
        using var screen = WarRoomSignIn.NewClient(access.Url);
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync(path)).StatusCode);

        using var warRoom = await screen.GetAsync($"/warroom?at={Moment}");
        using var desk = await screen.GetAsync($"/?at={Moment}");
        using var api = await screen.GetAsync($"/api/metrics/snapshot?at={Moment}");

        Assert.Equal(HttpStatusCode.OK, warRoom.StatusCode);
        Assert.Contains("not live", await warRoom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }
}
