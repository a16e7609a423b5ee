using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Web;

/// <summary>
/// One number, one colour: through the real app on a real influxd, the tiles of / and /warroom and
/// the rollout page's criteria panel judge the canary error rate by the same (ramp) phase.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed partial class FollowedPhaseAppTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RampPhase_ErrorRateBetweenRampAndCanaryThresholds_FailsOnTheDashboardTheWarRoomAndTheRolloutPage()
    {
        var database = await influx.CreateDatabaseAsync("followed");
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string>
        {
            ["Influx__Database"] = database,
            ["LiveMetrics__PollInterval"] = "00:00:01",
        });
        var id = await app.CreateRolloutAsync();
        var (started, _) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var (advanced, answer) = await app.PostAsync($"/api/rollouts/{id}/advance", new { reason = "canary GO" });
        Assert.Equal(HttpStatusCode.OK, started);
        Assert.True(advanced == HttpStatusCode.OK, answer.ToString());

        var dashboard = await JudgedPageAsync(app, database, "/", TileVerdict);
        var warRoom = await JudgedPageAsync(app, database, "/warroom", TileVerdict);
        var rolloutPage = await JudgedPageAsync(app, database, $"/rollouts/{id}", CriterionVerdict);

        Assert.Equal(("Fail", "Fail", "Fail"), (TileVerdict(dashboard), TileVerdict(warRoom), CriterionVerdict(rolloutPage)));
        Assert.Contains("Following: analyzer 1.5.0 — ramp 10 %", WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
        Assert.Contains("Following: analyzer 1.5.0 — ramp 10 %", WebUtility.HtmlDecode(warRoom), StringComparison.Ordinal);
    }

    // The service keeps reporting (a point per try, so the data stays fresh) and the shared poller reads on its own
    // schedule: wait (bounded) until the page shows a judged value, never a fixed sleep.
    private async Task<string> JudgedPageAsync(RolloutApiApp app, string database, string path, Func<string, string?> verdict)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            // 0.7 %: above the ramp's < 0.5 %, below the canary's < 1 % (and its WARN zone from 0.8 %).
            await WriteRequestsAsync(database, canaryErrors: 7, baselineErrors: 2);
            var html = await app.Http.GetStringAsync(path);
            if (verdict(html) is { } judged && judged != "NoData")
            {
                return html;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                var header = html.IndexOf("dashboard-header", StringComparison.Ordinal) is var at and >= 0 ? html[at..Math.Min(html.Length, at + 3000)] : html;
                throw new TimeoutException($"{path} showed no judged error rate within {Deadline}. Verdict: {verdict(html) ?? "(none)"}\n{header}\nApp output:\n{app.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static string? TileVerdict(string html) => TileRegex().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? CriterionVerdict(string html) => CriterionRegex().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    private async Task WriteRequestsAsync(string database, int canaryErrors, int baselineErrors)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        // A whole point: every cumulative bucket written (all requests between 50 and 100 ms), le_inf = count.
        const string Histogram = "le_10=0i,le_25=0i,le_50=0i,le_100=1000i,le_200=1000i,le_250=1000i,le_500=1000i,le_1000=1000i,le_inf=1000i";
        var lines = string.Join('\n',
            $"requests,service=analyzer,cohort=canary,segment=A,region=eu count=1000i,errors={canaryErrors}i,{Histogram} {at}",
            $"requests,service=analyzer,cohort=baseline,segment=A,region=eu count=1000i,errors={baselineErrors}i,{Histogram} {at}");
        using var http = new HttpClient { BaseAddress = influx.Url };
        using var content = new StringContent(lines);
        using var response = await http.PostAsync($"/write?db={database}&precision=ms", content);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [GeneratedRegex("data-testid=\"tile-errorRatePct\" data-verdict=\"(\\w+)\"")]
    private static partial Regex TileRegex();

    [GeneratedRegex("data-testid=\"criterion-errorRatePct\" data-verdict=\"(\\w+)\"")]
    private static partial Regex CriterionRegex();
}
