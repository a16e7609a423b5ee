using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.BoardHistory;

/// <summary>
/// The board as it was (docs/board-history.md), through the real app on a real influxd: a moment T0 before a
/// traffic change at T1 shows the old values, the old weight and the old phase's thresholds, whatever came after.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed partial class BoardAtMomentAppTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task BoardAtT0_BeforeATrafficChangeAtT1_ShowsTheOldWeightTheOldPhaseAndTheOldValues()
    {
        var database = await influx.CreateDatabaseAsync("board_at");
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string> { ["Influx__Database"] = database });
        var id = await app.CreateRolloutAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" })).Status);

        // Before T0: the canary fails 2 in 1,000 (0.2 %). T0 is stamped after the point, T1 after T0.
        await WriteRequestsAsync(database, DateTimeOffset.UtcNow.AddSeconds(-2), canaryErrors: 2);
        var t0 = await MomentAfterAsync(DateTimeOffset.UtcNow);
        var (advanced, answer) = await app.PostAsync($"/api/rollouts/{id}/advance", new { reason = "canary GO" });
        Assert.True(advanced == HttpStatusCode.OK, answer.ToString());
        // After T1: 50 in 1,000 (5 %).
        await WriteRequestsAsync(database, DateTimeOffset.UtcNow, canaryErrors: 50);
        var later = await MomentAfterAsync(DateTimeOffset.UtcNow);

        var atT0 = await app.GetAsync($"/api/metrics/snapshot?window=1m&at={Iso(t0)}");
        var atLater = await app.GetAsync($"/api/metrics/snapshot?window=1m&at={Iso(later)}");
        var pageAtT0 = WebUtility.HtmlDecode(await app.Http.GetStringAsync($"/warroom?at={Iso(t0)}"));
        var pageLater = WebUtility.HtmlDecode(await app.Http.GetStringAsync($"/?at={Iso(later)}"));

        Assert.Equal(0.2, CanaryErrorRate(atT0), 9);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(t0.ToUnixTimeMilliseconds()), atT0.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(2.6, CanaryErrorRate(atLater), 9);
        Assert.Equal(("canary (running)", "1 %", "1 %"), StateShown(pageAtT0));
        Assert.Equal(("ramp (running)", "10 %", "10 %"), StateShown(pageLater));
        Assert.Contains("Following then: analyzer 1.5.0 — canary 1 %", pageAtT0, StringComparison.Ordinal);
        Assert.Contains("not live", pageAtT0, StringComparison.Ordinal);
        // 0.2 % is within the canary's 1 %; the same tile at the later moment is judged by the ramp's 0.5 %.
        Assert.Equal("Pass", TileVerdict(pageAtT0));
        Assert.Equal("Fail", TileVerdict(pageLater));
    }

    [Fact]
    public async Task SnapshotAt_FutureMomentAndWindowOverTheLimit_Is400ListingBothFields()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var future = Iso(DateTimeOffset.UtcNow.AddHours(1));

        using var both = await app.Http.GetAsync($"/api/metrics/snapshot?at={future}&window=37h");
        using var unreadable = await app.Http.GetAsync("/api/metrics/snapshot?at=2026-11-02%2003:12");

        var errors = (await app.ReadAsync(both, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("in the future", errors.GetProperty("at")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("between 10s and 36h", errors.GetProperty("window")[0].GetString(), StringComparison.Ordinal);
        var unread = (await app.ReadAsync(unreadable, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("not readable", unread.GetProperty("at")[0].GetString(), StringComparison.Ordinal);
        Assert.False(unread.TryGetProperty("window", out _));
    }

    private static double CanaryErrorRate(JsonElement snapshot) =>
        snapshot.GetProperty("cohorts").GetProperty("canary").GetProperty("errorRatePct").GetDouble();

    private static (string? Phase, string? Requested, string? Applied) StateShown(string html) =>
        (Shown(html, "phase"), Shown(html, "requested"), Shown(html, "applied"));

    private static string? Shown(string html, string fact) =>
        Regex.Match(html, $"data-testid=\"rollout-state-at-{fact}\">([^<]*)<") is { Success: true } match ? match.Groups[1].Value : null;

    private static string? TileVerdict(string html) => TileRegex().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    private static string Iso(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

    // A moment strictly after `after` on the millisecond grid the app and InfluxDB use; waits (bounded) for the clock to pass it.
    private static async Task<DateTimeOffset> MomentAfterAsync(DateTimeOffset after)
    {
        var moment = DateTimeOffset.FromUnixTimeMilliseconds(after.ToUnixTimeMilliseconds() + 1);
        await Eventually.UntilAsync(() => DateTimeOffset.UtcNow > moment, TimeSpan.FromSeconds(5), "the clock to pass the moment");
        return moment;
    }

    private async Task WriteRequestsAsync(string database, DateTimeOffset at, int canaryErrors)
    {
        var stamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        // A whole point: every cumulative bucket written (all requests between 50 and 100 ms), le_inf = count.
        const string Histogram = "le_10=0i,le_25=0i,le_50=0i,le_100=1000i,le_200=1000i,le_250=1000i,le_500=1000i,le_1000=1000i,le_inf=1000i";
        var lines = string.Join('\n',
            $"requests,service=analyzer,cohort=canary,segment=A,region=eu count=1000i,errors={canaryErrors}i,{Histogram} {stamp}",
            $"requests,service=analyzer,cohort=baseline,segment=A,region=eu count=1000i,errors=1i,{Histogram} {stamp}");
        using var http = new HttpClient { BaseAddress = influx.Url };
        using var content = new StringContent(lines);
        using var response = await http.PostAsync($"/write?db={database}&precision=ms", content);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [GeneratedRegex("data-testid=\"tile-errorRatePct\" data-verdict=\"(\\w+)\"")]
    private static partial Regex TileRegex();
}
