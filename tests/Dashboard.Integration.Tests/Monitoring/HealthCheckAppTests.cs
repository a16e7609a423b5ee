using System.Text.Json;
using Dashboard.Core.Monitoring;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace Dashboard.Integration.Tests.Monitoring;

/// <summary>
/// The monitoring cadences through the real app as a child process: Quartz in the state database,
/// the demo writing to a real influxd every second.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class HealthCheckAppTests(InfluxServerFixture influx) : IDisposable
{
    private static readonly string[] MeasuredVerdicts = ["Pass", "Warn", "Fail"];

    private readonly string _folder = Directory.CreateTempSubdirectory("health-checks-test-").FullName;

    [Fact]
    public async Task StartedRollout_GetsIntensiveChecksWithInfluxValues_ListedByTheApi()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url, Path.Combine(_folder, "state.db"), await DemoSettingsAsync());
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var checks = await WaitForChecksAsync(app, $"/api/health-checks?cadence=Intensive&rolloutId={id}", 1, TimeSpan.FromSeconds(15));
        var perRollout = await app.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive");

        var check = checks[0];
        Assert.Equal(("canary", 0), (check.GetProperty("phase").GetString(), check.GetProperty("phaseIndex").GetInt32()));
        Assert.Equal(TimeSpan.FromMinutes(1), check.GetProperty("windowEnd").GetDateTimeOffset() - check.GetProperty("windowStart").GetDateTimeOffset());
        Assert.Contains(check.GetProperty("verdict").GetString(), MeasuredVerdicts);
        var metrics = check.GetProperty("metrics").EnumerateArray().ToList();
        var errorRate = metrics.First(m => m.GetProperty("metric").GetString() == "errorRatePct" && m.GetProperty("rule").GetString() == "Criterion");
        Assert.Equal(JsonValueKind.Number, errorRate.GetProperty("value").ValueKind);
        Assert.True(metrics.First(m => m.GetProperty("metric").GetString() == "p99Ms").GetProperty("value").GetDouble() > 0, check.ToString());
        Assert.Equal("< 1 %", errorRate.GetProperty("condition").GetString());
        Assert.Equal(check.GetProperty("id").GetGuid(), perRollout[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Schedule_CalendarCadences_AreUtcCronTriggersDueWhenTheCalendarSays()
    {
        // The app process runs on the real clock. Its triggers were dated between these two reads, so each is due at the
        // first slot after one instant between them: a slot (08:00, 09:00, 16:00 UTC, Friday 10:00) crossed meanwhile
        // cannot fail the test, and nothing compares with a clock read at another moment.
        var before = DateTimeOffset.UtcNow;
        await using var app = await RolloutApiApp.StartAsync(influx.Url, Path.Combine(_folder, "state.db"));

        var schedule = await WaitForScheduleAsync(app);
        var after = DateTimeOffset.UtcNow;

        foreach (var cadence in CadenceCalendar.Calendar)
        {
            var trigger = schedule[cadence];
            var nextDueAt = trigger.GetProperty("nextDueAt").GetDateTimeOffset();
            Assert.Equal(CadenceCalendar.CronExpression(cadence), trigger.GetProperty("cronExpression").GetString());
            Assert.Equal(TimeZoneInfo.Utc.Id, trigger.GetProperty("timeZone").GetString());
            Assert.Equal(nextDueAt, CadenceCalendar.LatestDueAtOrBefore(cadence, nextDueAt));
            Assert.InRange(nextDueAt, CadenceCalendar.NextDueAfter(cadence, before), CadenceCalendar.NextDueAfter(cadence, after));
        }

        Assert.Equal("00:00:05", schedule[MonitoringCadence.Intensive].GetProperty("interval").GetString());
    }

    [Fact]
    public async Task MissedCalendarCheck_RunsOnceAtStartUp_AndIsMarkedLate()
    {
        // The daily slot (09:00 UTC), unless this runs within ten minutes of one: a real slot falling inside the
        // test would fire too. The weekly slot (Friday 10:00 UTC) is never that close to a daily one.
        var now = DateTimeOffset.UtcNow;
        var cadence = Math.Abs((now - CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Daily, now)).TotalMinutes) < 10
            || Math.Abs((CadenceCalendar.NextDueAfter(MonitoringCadence.Daily, now) - now).TotalMinutes) < 10
            ? MonitoringCadence.Weekly
            : MonitoringCadence.Daily;
        var state = Path.Combine(_folder, "state.db");
        await using (var first = await RolloutApiApp.StartAsync(influx.Url, state))
        {
            await WaitForScheduleAsync(first);
        } // killed, as a crash or a stop would

        // As if the app had been down over a slot: Quartz's stored next fire time is past its misfire threshold.
        Assert.Equal(1, await MoveNextFireTimeAsync(state, $"health-check-{cadence}", DateTimeOffset.UtcNow.AddMinutes(-5)));

        await using var second = await RolloutApiApp.StartAsync(influx.Url, state);
        var checks = await WaitForChecksAsync(second, $"/api/health-checks?cadence={cadence}", 1, TimeSpan.FromSeconds(30));
        var check = checks[0];
        var ranAt = check.GetProperty("ranAt").GetDateTimeOffset();

        // "Once" needs an event, not a pause: the trigger has moved on to its next slot after the catch-up run, so it
        // cannot fire again before then; only then is the count read.
        var schedule = await second.WaitForAsync(
            () => ScheduleAsync(second),
            s => s[cadence].GetProperty("nextDueAt").GetDateTimeOffset() == CadenceCalendar.NextDueAfter(cadence, ranAt),
            $"the {cadence} trigger to move past the missed slot",
            TimeSpan.FromSeconds(30));
        var again = await second.GetAsync($"/api/health-checks?cadence={cadence}");

        Assert.Equal(1, again.GetArrayLength());
        Assert.Equal(CadenceCalendar.LatestDueAtOrBefore(cadence, ranAt), check.GetProperty("dueAt").GetDateTimeOffset());
        Assert.NotEqual(JsonValueKind.Null, check.GetProperty("lateBy").ValueKind);
        Assert.Equal(("NoData", JsonValueKind.Null), (check.GetProperty("verdict").GetString(), check.GetProperty("rolloutId").ValueKind));
        Assert.Contains("no active rollout", check.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<Dictionary<string, string>> DemoSettingsAsync() => new()
    {
        ["Influx__Database"] = await influx.CreateDatabaseAsync("monitoring"),
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["Demo__BackfillHours"] = "0.05",
    };

    private static async Task<int> MoveNextFireTimeAsync(string database, string trigger, DateTimeOffset at)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $at WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.Parameters.AddWithValue("$name", trigger);
        return await command.ExecuteNonQueryAsync();
    }

    private static Task<Dictionary<MonitoringCadence, JsonElement>> WaitForScheduleAsync(RolloutApiApp app) =>
        app.WaitForAsync(() => ScheduleAsync(app), schedule => schedule.Values.All(s => s.GetProperty("enabled").GetBoolean()), "every cadence scheduled", TimeSpan.FromSeconds(30));

    private static async Task<Dictionary<MonitoringCadence, JsonElement>> ScheduleAsync(RolloutApiApp app) =>
        (await app.GetAsync("/api/health-checks/schedule")).EnumerateArray().ToDictionary(s => Enum.Parse<MonitoringCadence>(s.GetProperty("cadence").GetString()!), s => s);

    private static async Task<List<JsonElement>> WaitForChecksAsync(RolloutApiApp app, string path, int count, TimeSpan timeout) =>
        [.. (await app.WaitForAsync(() => app.GetAsync(path), checks => checks.GetArrayLength() >= count, $"{count} health checks at {path}", timeout)).EnumerateArray()];
}
