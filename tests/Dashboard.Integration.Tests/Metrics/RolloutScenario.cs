using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// Known points for baseline/canary × segments A, B × regions us-east, eu: two points per series
/// inside the 5-minute window ending at <see cref="MetricsReaderHost.Now"/> (at −4 min and −2 min,
/// segment B one second later than A), plus loud points just outside it that must not count.
/// The expected values are worked out in <see cref="InfluxMetricsReaderTests"/>.
/// </summary>
internal static class RolloutScenario
{
    public static readonly string[] Segments = ["A", "B"];
    public static readonly string[] Regions = ["us-east", "eu"];

    public static DateTimeOffset Now => MetricsReaderHost.Now;

    /// <summary>Newest point inside the window: segment B's second point.</summary>
    public static DateTimeOffset NewestInside => Now.AddMinutes(-2).AddSeconds(1);

    public static List<InfluxPoint> Points()
    {
        var points = new List<InfluxPoint>();
        foreach (var cohort in new[] { "baseline", "canary" })
        {
            foreach (var segment in Segments)
            {
                foreach (var region in Regions)
                {
                    var jitter = TimeSpan.FromSeconds(segment == "B" ? 1 : 0);
                    points.AddRange(Inside(cohort, segment, region, Now.AddMinutes(-4) + jitter, second: false));
                    points.AddRange(Inside(cohort, segment, region, Now.AddMinutes(-2) + jitter, second: true));
                    // Exactly at the window's start (excluded: the range is (from, to]) and after its end.
                    points.AddRange(Outside(cohort, segment, region, Now.AddMinutes(-5)));
                    points.AddRange(Outside(cohort, segment, region, Now.AddSeconds(1)));
                    points.AddRange(Outside(cohort, segment, region, Now.AddMinutes(-10)));
                }
            }
        }

        return points;
    }

    private static IEnumerable<InfluxPoint> Inside(string cohort, string segment, string region, DateTimeOffset at, bool second)
    {
        var canary = cohort == "canary";
        var a = segment == "A";
        var requests = Point("requests", cohort, segment, region, at)
            .Field("count", 100L)
            .Field("errors", canary ? (a ? 2L : 4L) : 1L);
        // Baseline: 50 in (10, 25] and 50 in (25, 50]. Canary A: all in (50, 100]; canary B: all in (100, 200].
        long[] histogram = !canary ? [0, 50, 100, 100, 100, 100, 100, 100, 100]
            : a ? [0, 0, 0, 100, 100, 100, 100, 100, 100]
            : [0, 0, 0, 0, 100, 100, 100, 100, 100];
        string[] buckets = ["le_10", "le_25", "le_50", "le_100", "le_200", "le_250", "le_500", "le_1000", "le_inf"];
        for (var i = 0; i < buckets.Length; i++)
        {
            requests.Field(buckets[i], histogram[i]);
        }

        yield return requests;
        yield return Point("probes", cohort, segment, region, at)
            .Field("ok", canary && region == "us-east" ? 998L : 1000L)
            .Field("total", 1000L);
        yield return Point("learners", cohort, segment, region, at)
            .Field("active", (canary, a, second) switch
            {
                (false, true, false) => 300L,
                (false, true, true) => 500L,
                (false, false, _) => 100L,
                (true, true, false) => 30L,
                (true, true, true) => 50L,
                (true, false, _) => 10L,
            });
        yield return Point("business", cohort, segment, region, at)
            .Field("revenue", canary ? 6.0 : 50.0)
            .Field("sessions", 10L)
            .Field("completions", canary ? 5L : 4L)
            .Field("churned", canary ? 0L : 1L);
        yield return Point("resources", cohort, segment, region, at)
            .Field("cpu_pct", canary ? (second ? 30.0 : 20.0) : (second ? 60.0 : 40.0))
            .Field("mem_mb", canary ? (second ? 700.0 : 500.0) : (second ? 1100.0 : 1000.0))
            .Field("cache_hits", canary ? 9L : 30L)
            .Field("cache_misses", canary ? 1L : 10L);
    }

    private static IEnumerable<InfluxPoint> Outside(string cohort, string segment, string region, DateTimeOffset at)
    {
        yield return Point("requests", cohort, segment, region, at)
            .Field("count", 100_000L).Field("errors", 100_000L).Field("le_10", 0L).Field("le_inf", 100_000L);
        yield return Point("probes", cohort, segment, region, at).Field("ok", 0L).Field("total", 100_000L);
        yield return Point("learners", cohort, segment, region, at).Field("active", 1_000_000L);
        yield return Point("business", cohort, segment, region, at)
            .Field("revenue", 1e9).Field("sessions", 1L).Field("completions", 0L).Field("churned", 1L);
        yield return Point("resources", cohort, segment, region, at)
            .Field("cpu_pct", 100.0).Field("mem_mb", 1e6).Field("cache_hits", 0L).Field("cache_misses", 1_000L);
    }

    private static InfluxPoint Point(string measurement, string cohort, string segment, string region, DateTimeOffset at) =>
        new InfluxPoint(measurement, at)
            .Tag("service", "analyzer")
            .Tag("cohort", cohort)
            .Tag("segment", segment)
            .Tag("region", region);
}
