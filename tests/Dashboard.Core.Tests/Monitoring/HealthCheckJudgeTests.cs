using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Monitoring;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Monitoring;

public sealed class HealthCheckJudgeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private static readonly PlanPhase Canary = BuiltInPlans.ThreePhase.Phases[0];
    private static readonly PlanPhase Rollout = BuiltInPlans.ThreePhase.Phases[2];

    private static readonly CohortMetrics Healthy = new() { ErrorRatePct = 0.3, P99Ms = 150, AvailabilityPct = 99.99, CacheEfficiencyPct = 90 };

    // Revenue impact is judged from revenue per learner of both cohorts (MetricCatalog), so the cohorts carry it.
    private static MetricsSnapshot Snapshot(CohortMetrics canary, double? revenueImpact = 1.2, TimeSpan? newestAge = null) =>
        new(AsOf, 60, revenueImpact,
            new CohortPair(Healthy with { RevenuePerLearner = 1 }, canary with { RevenuePerLearner = 1 + (revenueImpact / 100) }),
            new Dictionary<string, CohortPair>(), new Dictionary<string, CohortPair>())
        {
            NewestPointAt = AsOf - (newestAge ?? TimeSpan.FromSeconds(2)),
        };

    private static HealthCheckResult Judge(MetricsSnapshot? snapshot, PlanPhase? phase = null, TimeSpan? elapsed = null, string? unavailable = null) =>
        HealthCheckJudge.Judge(phase ?? Canary, elapsed ?? TimeSpan.FromMinutes(20), snapshot, unavailable, MaxAge);

    [Fact]
    public void Judge_EverythingWithinThresholds_Passes()
    {
        var result = Judge(Snapshot(Healthy));

        Assert.Equal(Verdict.Pass, result.Overall);
        Assert.Equal("PASS — all 8 checks pass over 1m.", result.Summary);
        Assert.Equal(0.3, result.Metrics.Single(m => m is { Metric: MetricKeys.ErrorRatePct, Rule: HealthCheckRule.Criterion }).Value);
    }

    [Fact]
    public void Evaluate_ErrorRateAboveThreshold_Fails()
    {
        var result = Judge(Snapshot(Healthy with { ErrorRatePct = 1.2 }));

        Assert.Equal(Verdict.Fail, result.Overall);
        Assert.Equal("FAIL — Error rate 1.2 %, needs < 1 %.", result.Summary);
    }

    [Fact]
    public void Judge_RollbackTriggerHolds_FailsAndSaysSo()
    {
        var result = Judge(Snapshot(Healthy with { P99Ms = 300 }));

        var trigger = result.Metrics.Single(m => m is { Metric: MetricKeys.P99Ms, Rule: HealthCheckRule.RollbackTrigger });
        Assert.Equal(Verdict.Fail, trigger.Verdict);
        Assert.Equal(Verdict.Fail, result.Overall);
        Assert.Contains("P99 latency 300 ms meets rollback trigger > 250 ms", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ValueInsideTheWarnMargin_Warns()
    {
        var result = Judge(Snapshot(Healthy with { P99Ms = 190 }));

        Assert.Equal(Verdict.Warn, result.Overall);
        Assert.Contains("P99 latency 190 ms, near the limit < 200 ms", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_MissingMetric_IsNoDataNeverPass()
    {
        var result = Judge(Snapshot(Healthy with { AvailabilityPct = null }));

        var availability = result.Metrics.Where(m => m.Metric == MetricKeys.AvailabilityPct).ToList();
        Assert.All(availability, m => Assert.Equal(Verdict.NoData, m.Verdict));
        Assert.Equal(Verdict.NoData, result.Overall);
    }

    [Fact]
    public void Judge_StaleData_IsNoDataForEveryMetric()
    {
        var result = Judge(Snapshot(Healthy, newestAge: TimeSpan.FromMinutes(2)));

        Assert.Equal(Verdict.NoData, result.Overall);
        Assert.All(result.Metrics.Where(m => m.Counted), m => Assert.Equal(Verdict.NoData, m.Verdict));
        Assert.StartsWith("NO DATA — stale: the newest point is 2m old", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_EmptyWindow_IsNoData()
    {
        var empty = Snapshot(CohortMetrics.Empty, revenueImpact: null) with { NewestPointAt = null };

        Assert.Equal(Verdict.NoData, Judge(empty).Overall);
    }

    [Fact]
    public void Judge_MetricsUnreadable_IsNoDataWithTheReason()
    {
        var result = Judge(null, unavailable: "InfluxDB query failed: connection refused");

        Assert.Equal(Verdict.NoData, result.Overall);
        Assert.All(result.Metrics.Where(m => m.Counted), m => Assert.Equal("InfluxDB query failed: connection refused", m.Note));
    }

    [Fact]
    public void Judge_IncidentCounts_AreListedButNotCounted()
    {
        var result = Judge(Snapshot(Healthy));

        var incidents = result.Metrics.Single(m => m.Metric == MetricKeys.CriticalIncidents);
        Assert.False(incidents.Counted);
        Assert.Equal(Verdict.NoData, incidents.Verdict);
        Assert.Equal("not in the metrics snapshot; judged at checkpoints", incidents.Note);
    }

    [Fact]
    public void Judge_CriterionFromALaterCheckpoint_DoesNotCountYet()
    {
        var excellent = Healthy with { ErrorRatePct = 0.01, P99Ms = 20, AvailabilityPct = 99.999, CacheEfficiencyPct = 50 };
        var segments = new Dictionary<string, CohortPair>
        {
            ["A"] = new(Healthy, excellent),
            ["B"] = new(Healthy, excellent with { ErrorRatePct = 0.02 }),
        };
        var poorCache = Snapshot(excellent, revenueImpact: 7) with { Segments = segments };

        var early = Judge(poorCache, Rollout, TimeSpan.FromHours(1));
        var late = Judge(poorCache, Rollout, TimeSpan.FromHours(3));

        Assert.Equal(Verdict.Pass, early.Overall);
        Assert.Equal("applies from the 2h checkpoint", early.Metrics.Single(m => m.Metric == MetricKeys.CacheEfficiencyPct).Note);
        Assert.Equal(Verdict.Fail, late.Overall);
    }

    [Fact]
    public void Text_WritesVerdictsAsTheDesignDoes()
    {
        Assert.Equal(["PASS", "WARN", "FAIL", "NO DATA"], new[] { Verdict.Pass, Verdict.Warn, Verdict.Fail, Verdict.NoData }.Select(HealthCheckJudge.Text));
    }
}
