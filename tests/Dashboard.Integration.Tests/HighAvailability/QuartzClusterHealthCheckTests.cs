using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// The monitoring cadences on a Quartz cluster of two real instances sharing one PostgreSQL database: both start
/// at once and both bring the cadences' triggers in step, yet each tick is one health check, run by one instance.
/// </summary>
[Collection(InfluxAndPostgresCollection.Name)]
public sealed class QuartzClusterHealthCheckTests(InfluxServerFixture influx, PostgresServerFixture postgres)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task IntensiveCadenceOnTwoInstances_RecordsOneHealthCheckPerTick()
    {
        await using var cluster = await QuartzCluster.StartAsync(influx, postgres, new Dictionary<string, string>
        {
            ["Monitoring__IntensiveInterval"] = "00:00:02",
            ["Monitoring__IntensiveWindow"] = "00:00:10",
            // Every check is stored (no PASS thinned away), so every tick leaves one record to count.
            ["Monitoring__IntensivePassEvery"] = "00:00:00",
        });
        var id = await cluster.A.CreateRolloutAsync();
        var (status, _) = await cluster.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.Equal(HttpStatusCode.OK, status);

        var checks = await cluster.B.WaitForAsync(
            () => cluster.B.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive&limit=1000"),
            list => list.GetArrayLength() >= 8,
            "8 intensive health checks",
            TimeSpan.FromSeconds(90));

        // Each tick's scheduled time once, and the ticks on the trigger's grid: a second trigger, or a re-armed
        // one, would put two records in one tick or off the grid.
        var dueTimes = checks.EnumerateArray().Select(c => c.GetProperty("dueAt").GetDateTimeOffset()).Order().ToList();
        Assert.Equal(dueTimes.Count, dueTimes.Distinct().Count());
        var gaps = dueTimes.Zip(dueTimes.Skip(1), (earlier, later) => later - earlier).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= Interval && gap.Ticks % Interval.Ticks == 0, $"{gap} between two ticks; due times: {string.Join(", ", dueTimes.Select(d => d.ToString("O")))}"));
        Assert.Equal(1, await CountEventsAsync(cluster.A, id, "healthCheck.recorded"));
    }

    private static async Task<int> CountEventsAsync(RolloutApiApp app, Guid id, string kind) =>
        (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Count(e => e.GetProperty("kind").GetString() == kind);
}
