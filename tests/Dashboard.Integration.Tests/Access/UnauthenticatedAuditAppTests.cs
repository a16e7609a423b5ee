using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Anyone can make the app refuse them; the audit log, whose rows are permanent, records that at most once per
/// source and kind per interval, with the count of those it left out. Refusals of signed-in callers are still
/// audited one by one. Real app (child process, real HTTP); the state file is read from outside.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class UnauthenticatedAuditAppTests(InfluxServerFixture influx)
{
    private const string JunkKiosk = "kiosk 'invalid link'";

    [Fact]
    public async Task FiveHundredJunkKioskLinks_WriteExactlyOneAuditRow_WhileASignedInKioskIsAuditedEveryTime()
    {
        var state = AppStateFile.InTemp("warroom-flood");
        using var cleanup = new StateFileCleanup(state);
        await using var app = await StartAsync(state, TimeSpan.FromHours(1));
        using var junk = WarRoomSignIn.NewClient(app.Url);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 500; i++)
        {
            using var response = await junk.GetAsync($"/kiosk/junk-{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Single(await state.AuditAsync("access.refused"), e => e.Actor == JunkKiosk);

        using var created = await app.Http.PostAsync("/api/admin/kiosk-links", System.Net.Http.Json.JsonContent.Create(new { name = "tv-hall" }));
        var path = (await app.ReadAsync(created, HttpStatusCode.Created)).GetProperty("path").GetString()!;
        using var screen = WarRoomSignIn.NewClient(app.Url);
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync(path)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/rollouts")).StatusCode);
        }

        Assert.Equal(3, (await state.AuditAsync("access.refused")).Count(e => e.Actor == "kiosk 'tv-hall'"));
        Assert.Single(await state.AuditAsync("access.refused"), e => e.Actor == JunkKiosk);
    }

    [Fact]
    public async Task AfterTheInterval_TheNextEventSaysHowManyWereLeftOut()
    {
        var state = AppStateFile.InTemp("warroom-flood-count");
        using var cleanup = new StateFileCleanup(state);
        await using var app = await StartAsync(state, TimeSpan.FromSeconds(2));
        using var junk = WarRoomSignIn.NewClient(app.Url);
        var sent = 0;

        // Each round sends one junk link and reads the rows; the refusal is audited before it is answered.
        var rows = await app.WaitForAsync(
            async () =>
            {
                using var response = await junk.GetAsync($"/kiosk/junk-{sent++}");
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                return (await state.AuditAsync("access.refused")).Where(e => e.Actor == JunkKiosk).ToList();
            },
            found => found.Count >= 2,
            "a second audit row for junk kiosk links once the interval passed",
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, rows.Count);
        Assert.Equal(0, rows[0].Payload.GetProperty("suppressed").GetInt32());
        Assert.Equal(sent - 2, rows[1].Payload.GetProperty("suppressed").GetInt32());
        Assert.True(sent - 2 > 0, $"the test sent only {sent} links");
        Assert.StartsWith($"and {sent - 2} more since ", rows[1].Payload.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    private Task<RolloutApiApp> StartAsync(AppStateFile state, TimeSpan interval) =>
        RolloutApiApp.StartAsync(influx.Url, state.Path, new Dictionary<string, string> { ["Auth__UnauthenticatedAuditInterval"] = interval.ToString() });

    /// <summary>Deletes the state file once the app (disposed first, declared later) has let go of it.</summary>
    private sealed class StateFileCleanup(AppStateFile state) : IDisposable
    {
        public void Dispose() => state.Delete();
    }
}
