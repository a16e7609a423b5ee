using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// A 30-minute phase starting at <see cref="PhaseStart"/>, checkpoints at 15m and 30m, with one point
/// per minute (at +30 s) for baseline/canary × segments A, B, C × regions us-east, us-west, eu, all
/// with service "analyzer". The canary gets better in the second half. Per minute and cohort there
/// are 9 series; the expected values (worked out here, asserted in the tests):
/// <list type="bullet">
/// <item>errors per canary point: A 1, B 2, C 3 in minutes 0–14; A 0, B 1, C 2 in minutes 15–29, of 100 requests →
/// error rate 2 % then 1 %: cumulative 1.5 %, last interval 1 %; segment spread 2 pp both.</item>
/// <item>canary latency: minutes 0–14 half in (25, 50], half in (50, 100]; minutes 15–29 all in (100, 200] →
/// P99 cumulative 100 + 100 × (0.99 × 27000 − 13500) / 13500 = 198 ms, last interval 199 ms.</item>
/// <item>canary probes 999/1000 then 1000/1000 → availability 99.95 % cumulative, 100 % last interval.</item>
/// <item>revenue 2.0 (canary) and 1.6 (baseline) per point, 10 learners per series → revenue per learner
/// 18 × 30 / 90 = 6 vs 4.8 → impact 25 % (both windows).</item>
/// <item>cache 90 hits / 10 misses → 90 %; canary memory 500 + minute MB → growth 60 MB/h.</item>
/// </list>
/// Loud points (every canary request an error) sit at exactly the due time, just before the phase
/// start, and on another service: none may count.
/// </summary>
internal static class CheckpointScenario
{
    public static readonly DateTimeOffset PhaseStart = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = PhaseStart.AddMinutes(31);

    public static readonly TimeSpan Checkpoint = TimeSpan.FromMinutes(30);

    private static readonly string[] Segments = ["A", "B", "C"];
    private static readonly string[] Regions = ["us-east", "us-west", "eu"];

    public static CheckpointWindow Window(PlanPhase phase) => CheckpointWindow.For(phase, PhaseStart, Checkpoint);

    public static PlanPhase Phase(params PassCriterion[] criteria) => Phase(criteria, []);

    public static PlanPhase Phase(IReadOnlyList<PassCriterion> criteria, IReadOnlyList<MetricCondition> triggers) =>
        new("canary", 1, "5K learners", TimeSpan.FromMinutes(30), [TimeSpan.FromMinutes(15), Checkpoint], criteria, triggers, [], PhaseGate.AutoAdvance);

    /// <summary>One criterion per InfluxDB metric, thresholds loose enough to pass.</summary>
    public static PassCriterion[] AllInfluxCriteria() =>
    [
        PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 5, 0.2),
        PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 250, 20),
        PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99, 0.05),
        PassCriterion.Of(MetricKeys.RevenueImpactPct, Comparator.GreaterThanOrEqual, 0, 0.5),
        PassCriterion.Of(MetricKeys.SegmentVariancePp, Comparator.LessThan, 5, 1),
        PassCriterion.Of(MetricKeys.CacheEfficiencyPct, Comparator.GreaterThan, 75, 5),
        PassCriterion.Of(MetricKeys.MemoryGrowthMbPerHour, Comparator.LessThan, 100, 2),
    ];

    public static List<InfluxPoint> Points()
    {
        var points = new List<InfluxPoint>();
        foreach (var segment in Segments)
        {
            foreach (var region in Regions)
            {
                for (var minute = 0; minute < 30; minute++)
                {
                    var at = PhaseStart.AddMinutes(minute).AddSeconds(30);
                    points.AddRange(Canary(segment, region, at, minute));
                    points.AddRange(Baseline(segment, region, at));
                }

                points.Add(Loud(segment, region, PhaseStart.AddMinutes(30), "analyzer"));
                points.Add(Loud(segment, region, PhaseStart.AddSeconds(-1), "analyzer"));
                points.Add(Loud(segment, region, PhaseStart.AddMinutes(20), "other"));
            }
        }

        return points;
    }

    private static IEnumerable<InfluxPoint> Canary(string segment, string region, DateTimeOffset at, int minute)
    {
        var firstHalf = minute < 15;
        var errors = Array.IndexOf(Segments, segment) + (firstHalf ? 1L : 0L);
        long[] histogram = firstHalf ? [0, 0, 50, 100, 100, 100, 100, 100, 100] : [0, 0, 0, 0, 100, 100, 100, 100, 100];
        yield return Requests("canary", segment, region, at, errors, histogram);
        yield return Point("probes", "canary", segment, region, at).Field("ok", firstHalf ? 999L : 1000L).Field("total", 1000L);
        yield return Point("business", "canary", segment, region, at).Field("revenue", 2.0);
        yield return Point("learners", "canary", segment, region, at).Field("active", 10L);
        yield return Point("resources", "canary", segment, region, at)
            .Field("cache_hits", 90L).Field("cache_misses", 10L).Field("mem_mb", 500.0 + minute);
    }

    private static IEnumerable<InfluxPoint> Baseline(string segment, string region, DateTimeOffset at)
    {
        yield return Requests("baseline", segment, region, at, 0, [100, 100, 100, 100, 100, 100, 100, 100, 100]);
        yield return Point("probes", "baseline", segment, region, at).Field("ok", 1000L).Field("total", 1000L);
        yield return Point("business", "baseline", segment, region, at).Field("revenue", 1.6);
        yield return Point("learners", "baseline", segment, region, at).Field("active", 10L);
        yield return Point("resources", "baseline", segment, region, at)
            .Field("cache_hits", 50L).Field("cache_misses", 50L).Field("mem_mb", 400.0);
    }

    private static InfluxPoint Loud(string segment, string region, DateTimeOffset at, string service) =>
        Requests("canary", segment, region, at, 100, [0, 0, 0, 0, 0, 0, 0, 0, 100], service);

    private static InfluxPoint Requests(string cohort, string segment, string region, DateTimeOffset at, long errors, long[] histogram, string service = "analyzer")
    {
        var point = Point("requests", cohort, segment, region, at, service).Field("count", 100L).Field("errors", errors);
        for (var i = 0; i < histogram.Length; i++)
        {
            point.Field(Core.Metrics.LatencyHistogram.FieldNames[i], histogram[i]);
        }

        return point;
    }

    private static InfluxPoint Point(string measurement, string cohort, string segment, string region, DateTimeOffset at, string service = "analyzer") =>
        new InfluxPoint(measurement, at).Tag("service", service).Tag("cohort", cohort).Tag("segment", segment).Tag("region", region).Tag("version", cohort == "canary" ? "2.0" : "1.9");
}
