using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Dashboard.Integration.Tests.Demo.DemoInfluxQueries;

namespace Dashboard.Integration.Tests.Demo;

[Collection(InfluxCollection.Name)]
public sealed class DemoHistoryBackfillTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset Until = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_EmptyDatabase_WritesTheWindowAtTheLiveInterval()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();

        var written = await Backfill(app, hours: 0.25).RunAsync(Until, CancellationToken.None);

        Assert.Equal(180 * 90, written);
        Assert.Equal(180 * 18, await CountAsync(client, "requests", Until.AddHours(-1), Until));
        var firstTime = await SeriesAsync(client, $"SELECT first(\"count\") FROM \"requests\" WHERE time >= {Time(Until.AddHours(-1))}");
        Assert.Equal(Until.AddMinutes(-15), firstTime[0].GetTime(0));
        var lastTime = await SeriesAsync(client, $"SELECT last(\"count\") FROM \"requests\" WHERE time >= {Time(Until.AddHours(-1))} AND time <= {Time(Until)}");
        Assert.Equal(Until.AddSeconds(-5), lastTime[0].GetTime(0));
    }

    [Fact]
    public async Task Run_Twice_WritesNothingTheSecondTime()
    {
        await using var app = await StartAsync();
        var backfill = Backfill(app, hours: 0.1);
        await backfill.RunAsync(Until, CancellationToken.None);

        Assert.Equal(0, await backfill.RunAsync(Until, CancellationToken.None));
    }

    [Fact]
    public async Task Run_RecentDataPresent_FillsOnlyTheGapAfterIt()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();
        var source = app.Services.GetRequiredService<DemoTrafficSource>();
        await client.WriteAsync([.. source.Live(Until.AddMinutes(-30), TimeSpan.FromSeconds(5))]);

        var written = await Backfill(app, hours: 1).RunAsync(Until, CancellationToken.None);

        Assert.Equal(359 * 90, written);
        Assert.Equal(0, await CountAsync(client, "requests", Until.AddHours(-1), Until.AddMinutes(-31)));
    }

    [Fact]
    public async Task Run_LongWindow_FillsOnlyTheNewestStepBound()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();

        var written = await Backfill(app, hours: 36).RunAsync(Until, CancellationToken.None);

        Assert.Equal(DemoHistoryBackfill.MaxSteps * 90, written);
        var firstTime = await SeriesAsync(client, $"SELECT first(\"count\") FROM \"requests\" WHERE time >= {Time(Until.AddHours(-36))}");
        Assert.Equal(Until - (DemoHistoryBackfill.MaxSteps * TimeSpan.FromSeconds(5)), firstTime[0].GetTime(0));
    }

    [Fact]
    public async Task Start_EmptyDatabase_BackfillsTheRecentPast()
    {
        var settings = DemoTestApp.Settings(fixture.Url, await fixture.CreateDatabaseAsync("demo"));
        settings["Demo:BackfillHours"] = "1";
        settings["Demo:Interval"] = "00:00:05";
        var now = DateTimeOffset.UtcNow;
        await using var app = await DemoTestApp.StartAsync(settings);

        await WaitForPointsAsync(app.Services.GetRequiredService<IInfluxClient>(), "requests", now.AddHours(-1).AddMinutes(1), now.AddMinutes(-1), 58 * 18, orMore: true);
    }

    private async Task<DemoTestApp> StartAsync() =>
        await DemoTestApp.StartAsync(DemoTestApp.Settings(fixture.Url, await fixture.CreateDatabaseAsync("demo")));

    private static DemoHistoryBackfill Backfill(DemoTestApp app, double hours) => new(
        app.Services.GetRequiredService<IInfluxClient>(),
        app.Services.GetRequiredService<DemoTrafficSource>(),
        Options.Create(new DemoOptions { BackfillHours = hours }),
        NullLogger<DemoHistoryBackfill>.Instance);
}
