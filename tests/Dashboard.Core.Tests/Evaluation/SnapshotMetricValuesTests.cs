using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Evaluation;

public sealed class SnapshotMetricValuesTests
{
    private static readonly CohortMetrics Baseline = new()
    {
        ErrorRatePct = 9,
        P99Ms = 900,
        P95Ms = 800,
        P50Ms = 700,
        AvailabilityPct = 90,
        CacheEfficiencyPct = 10,
    };

    private static readonly CohortMetrics Canary = new()
    {
        ErrorRatePct = 0.4,
        P99Ms = 180,
        P95Ms = 120,
        P50Ms = 45,
        AvailabilityPct = 99.95,
        CacheEfficiencyPct = 91,
    };

    private static MetricsSnapshot Snapshot(IReadOnlyDictionary<string, CohortPair>? segments = null) =>
        new(DateTimeOffset.UnixEpoch, 300, RevenueImpactPct: -0.3, new CohortPair(Baseline, Canary),
            segments ?? new Dictionary<string, CohortPair>(), new Dictionary<string, CohortPair>());

    [Theory]
    [InlineData(MetricKeys.ErrorRatePct, 0.4)]
    [InlineData(MetricKeys.P99Ms, 180)]
    [InlineData(MetricKeys.P95Ms, 120)]
    [InlineData(MetricKeys.P50Ms, 45)]
    [InlineData(MetricKeys.AvailabilityPct, 99.95)]
    [InlineData(MetricKeys.CacheEfficiencyPct, 91)]
    [InlineData(MetricKeys.RevenueImpactPct, -0.3)]
    public void ValueOf_CohortMetric_IsTheCanarysValueNeverTheBaselines(string key, double expected)
    {
        Assert.Equal(expected, SnapshotMetricValues.ValueOf(Snapshot(), key));
        Assert.True(SnapshotMetricValues.IsInSnapshot(key));
    }

    [Fact]
    public void ValueOf_SegmentVariance_IsTheSpreadOfTheCanaryErrorRateAcrossSegments()
    {
        var segments = new Dictionary<string, CohortPair>
        {
            ["free"] = new(Baseline, Canary with { ErrorRatePct = 0.5 }),
            ["premium"] = new(Baseline, Canary with { ErrorRatePct = 2.0 }),
        };

        Assert.Equal(1.5, SnapshotMetricValues.ValueOf(Snapshot(segments), MetricKeys.SegmentVariancePp));
    }

    [Theory]
    [InlineData(MetricKeys.MemoryGrowthMbPerHour)]
    [InlineData(MetricKeys.CriticalIncidents)]
    [InlineData(MetricKeys.DataLossEvents)]
    [InlineData("noSuchMetric")]
    public void ValueOf_KeyTheSnapshotCannotAnswer_IsNullSoCriteriaSayNoData(string key)
    {
        Assert.Null(SnapshotMetricValues.ValueOf(Snapshot(), key));
        Assert.False(SnapshotMetricValues.IsInSnapshot(key));
        Assert.Equal(Verdict.NoData, new Criterion(key, Comparator.LessThanOrEqual, 0, 0).Evaluate(SnapshotMetricValues.ValueOf(Snapshot(), key)));
    }

    [Fact]
    public void ValueOf_EmptyWindow_IsNull()
    {
        var empty = Snapshot() with { Cohorts = CohortPair.Empty, RevenueImpactPct = null };

        Assert.All(MetricKeys.All, key => Assert.Null(SnapshotMetricValues.ValueOf(empty, key)));
    }
}
