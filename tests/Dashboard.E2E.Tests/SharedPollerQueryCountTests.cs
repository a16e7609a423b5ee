using System.Net.Http.Json;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The cost of the live dashboard must not depend on how many people watch it: 50 open pages
/// cause exactly the InfluxDB queries of one, counted by influxd itself.
/// </summary>
public sealed class SharedPollerQueryCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int PollsPerPhase = 5;

    /// <summary>
    /// A page that opens while 49 live ones are re-rendered at each poll, on a CI runner whose two cores other test
    /// projects share, took over 30 s once (Playwright's default bound): each step of opening one is bounded here.
    /// </summary>
    private static readonly TimeSpan OpenBound = TimeSpan.FromSeconds(90);

    private LiveApp _live = null!;

    // The product's default poll interval (5 s): the 50 open pages re-render at the pace people see.
    public async Task InitializeAsync() => _live = await LiveApp.StartAsync("querycount", new Dictionary<string, string>
    {
        ["Demo__Enabled"] = "false",
    });

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task FiftyOpenDashboards_CauseTheSameInfluxQueriesAsOne()
    {
        using var counter = new InfluxQueryCounter(_live.Influx);
        using var http = await _live.App.SignInAsAdminAsync();
        var context = await _live.Browser.NewContextAsync();
        context.SetDefaultTimeout((float)OpenBound.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)OpenBound.TotalMilliseconds);

        await OpenDashboardAsync(context);
        var one = await MeasureAsync(http, counter);

        for (var i = 1; i < 50; i++)
        {
            await OpenDashboardAsync(context);
        }

        var fifty = await MeasureAsync(http, counter);

        output.WriteLine($"1 page: {one.Queries} queries over {one.Polls} polls ({one.ChartReads} chart reads)");
        output.WriteLine($"50 pages: {fifty.Queries} queries over {fifty.Polls} polls ({fifty.ChartReads} chart reads)");
        Assert.Equal(50, context.Pages.Count);
        // Every query influxd saw came from the poller: one snapshot per poll plus the charts due.
        Assert.Equal(one.Polls + one.ChartReads, one.Queries);
        Assert.Equal(fifty.Polls + fifty.ChartReads, fifty.Queries);
        Assert.InRange(one.Polls, PollsPerPhase, PollsPerPhase + 2);
        Assert.InRange(fifty.Polls, PollsPerPhase, PollsPerPhase + 2);
    }

    private async Task OpenDashboardAsync(IBrowserContext context)
    {
        var page = await _live.OpenAsync("/", context);
        await page.GetByTestId("tile-rps").WaitForAsync();
    }

    /// <summary>Counts influxd's queries over exactly <see cref="PollsPerPhase"/> polls of the shared poller (5 s apart): bounded at two minutes.</summary>
    private static async Task<Measurement> MeasureAsync(HttpClient http, InfluxQueryCounter counter)
    {
        var (startStatus, startQueries) = await SampleBetweenPollsAsync(http, counter);
        var (endStatus, endQueries) = await Eventually.UntilAsync(
            () => SampleBetweenPollsAsync(http, counter),
            end => end.Status.Polls >= startStatus.Polls + PollsPerPhase,
            TimeSpan.FromMinutes(2),
            $"{PollsPerPhase} polls after {startStatus}");

        return new Measurement(endStatus.Polls - startStatus.Polls, endStatus.ChartReads - startStatus.ChartReads, endQueries - startQueries);
    }

    /// <summary>Reads the poller's counters and influxd's count while no poll is running; bounded at 30 s.</summary>
    private static async Task<(LiveStatusDto Status, long Queries)> SampleBetweenPollsAsync(HttpClient http, InfluxQueryCounter counter)
    {
        (LiveStatusDto Status, long Queries)? sample = null;
        await Eventually.UntilAsync(
            async () =>
            {
                var before = await http.GetFromJsonAsync<LiveStatusDto>("/api/live/status") ?? throw new InvalidOperationException("No status.");
                var sinceLastPoll = DateTimeOffset.UtcNow - (before.LastAttemptAt ?? DateTimeOffset.MinValue);
                if (sinceLastPoll < TimeSpan.FromMilliseconds(300) || sinceLastPoll > TimeSpan.FromSeconds(3))
                {
                    return false;
                }

                var queries = await counter.ReadAsync();
                var after = await http.GetFromJsonAsync<LiveStatusDto>("/api/live/status") ?? throw new InvalidOperationException("No status.");
                sample = (after, queries);
                return after.Polls == before.Polls && after.ChartReads == before.ChartReads;
            },
            TimeSpan.FromSeconds(30),
            "a moment between two polls (0.3 to 3 s after the last one, and no poll meanwhile)",
            () => $"last sample {sample}");
        return sample!.Value;
    }

    private sealed record Measurement(long Polls, long ChartReads, long Queries);

    private sealed record LiveStatusDto(long Polls, long ChartReads, DateTimeOffset? LastAttemptAt);
}
