using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Metrics;

public sealed class MetricCatalogTests
{
    private static readonly CohortMetrics Baseline = new()
    {
        ErrorRatePct = 9,
        P99Ms = 900,
        P95Ms = 800,
        P50Ms = 700,
        AvailabilityPct = 90,
        CacheEfficiencyPct = 10,
        RevenuePerLearner = 1.0,
        MemoryMb = 500,
    };

    private static readonly CohortMetrics Canary = new()
    {
        ErrorRatePct = 0.4,
        P99Ms = 180,
        P95Ms = 120,
        P50Ms = 45,
        AvailabilityPct = 99.95,
        CacheEfficiencyPct = 91,
        RevenuePerLearner = 1.2,
        MemoryMb = 520,
    };

    private static MetricsSnapshot Snapshot(IReadOnlyDictionary<string, CohortPair>? segments = null) =>
        new(DateTimeOffset.UnixEpoch, 300, RevenueImpactPct: null, new CohortPair(Baseline, Canary),
            segments ?? new Dictionary<string, CohortPair>(), new Dictionary<string, CohortPair>());

    [Theory]
    [InlineData(MetricKeys.ErrorRatePct, 0.4)]
    [InlineData(MetricKeys.P99Ms, 180)]
    [InlineData(MetricKeys.P95Ms, 120)]
    [InlineData(MetricKeys.P50Ms, 45)]
    [InlineData(MetricKeys.AvailabilityPct, 99.95)]
    [InlineData(MetricKeys.CacheEfficiencyPct, 91)]
    public void SnapshotValue_CohortMetric_IsTheCanarysValueNeverTheBaselines(string key, double expected)
    {
        var metric = MetricCatalog.Get(key);

        Assert.Equal(expected, metric.SnapshotValue(Snapshot()));
        Assert.True(metric.InSnapshot);
    }

    [Fact]
    public void RevenueImpact_CohortValueIsRevenuePerLearner_JudgedValueComparesTheTwoCohorts()
    {
        var revenue = MetricCatalog.RevenueImpactPct;

        Assert.Equal(1.2, revenue.CohortValue(Snapshot(), Cohort.Canary));
        Assert.Equal(1.0, revenue.CohortValue(Snapshot(), Cohort.Baseline));
        Assert.Equal(20, revenue.SnapshotValue(Snapshot())!.Value, 9);
    }

    [Fact]
    public void RevenueImpact_OfTheSnapshotAssembler_IsTheCatalogsValue()
    {
        var cohorts = new CohortPair(Baseline, Canary);

        Assert.Equal(MetricFormulas.RelativeChangePct(1.2, 1.0), MetricCatalog.RevenueImpactPct.ValueOf(cohorts));
    }

    [Fact]
    public void SegmentVariance_IsTheSpreadOfTheCohortsErrorRateAcrossSegments()
    {
        var segments = new Dictionary<string, CohortPair>
        {
            ["free"] = new(Baseline with { ErrorRatePct = 1 }, Canary with { ErrorRatePct = 0.5 }),
            ["premium"] = new(Baseline with { ErrorRatePct = 4 }, Canary with { ErrorRatePct = 2.0 }),
        };

        Assert.Equal(1.5, MetricCatalog.SegmentVariancePp.SnapshotValue(Snapshot(segments)));
        Assert.Equal(3, MetricCatalog.SegmentVariancePp.CohortValue(Snapshot(segments), Cohort.Baseline));
    }

    [Theory]
    [InlineData(MetricKeys.MemoryGrowthMbPerHour)]
    [InlineData(MetricKeys.CriticalIncidents)]
    [InlineData(MetricKeys.DataLossEvents)]
    public void SnapshotValue_KeyTheSnapshotCannotAnswer_IsNullSoCriteriaSayNoData(string key)
    {
        var metric = MetricCatalog.Get(key);

        Assert.Null(metric.SnapshotValue(Snapshot()));
        Assert.False(metric.InSnapshot);
        Assert.Equal(Verdict.NoData, new Criterion(key, Comparator.LessThanOrEqual, 0, 0).Evaluate(metric.SnapshotValue(Snapshot())));
    }

    [Fact]
    public void SnapshotValue_EmptyWindow_IsNull()
    {
        var empty = Snapshot() with { Cohorts = CohortPair.Empty };

        Assert.All(MetricCatalog.All, metric => Assert.Null(metric.SnapshotValue(empty)));
    }

    [Fact]
    public void Find_IsCaseSensitiveAndKnowsNoOtherKey()
    {
        Assert.Null(MetricCatalog.Find("ErrorRatePct"));
        Assert.Throws<ArgumentException>(() => MetricCatalog.Get("latency"));
        Assert.Equal("latency", MetricCatalog.LabelOf("latency"));
    }

    [Fact]
    public void Units_AreThoseOfTheSnapshotAndPlans()
    {
        Assert.Equal("%", MetricCatalog.Get(MetricKeys.ErrorRatePct).Unit);
        Assert.Equal("ms", MetricCatalog.Get(MetricKeys.P99Ms).Unit);
        Assert.Equal("pp", MetricCatalog.Get(MetricKeys.SegmentVariancePp).Unit);
        Assert.Equal("MB/h", MetricCatalog.Get(MetricKeys.MemoryGrowthMbPerHour).Unit);
        Assert.Equal("MB", MetricCatalog.MemoryGrowthMbPerHour.CohortText(512).Split(' ')[1]);
        Assert.Equal("1.2", MetricCatalog.RevenueImpactPct.CohortText(1.2));
    }

    [Fact]
    public void PlanKeys_AreEveryMetricButTheLiveContext()
    {
        Assert.Equal(MetricCatalog.All.Count, MetricCatalog.All.Select(metric => metric.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(MetricKeys.Rps, MetricCatalog.PlanKeys);
        Assert.DoesNotContain(MetricKeys.ActiveLearners, MetricCatalog.PlanKeys);
        Assert.Equal(11, MetricCatalog.PlanKeys.Count);
        Assert.All(BuiltInPlans.All.SelectMany(plan => plan.Phases).SelectMany(phase => phase.Criteria),
            pass => Assert.True(MetricCatalog.IsPlanKey(pass.Metric)));
    }

    [Theory]
    [InlineData(ChartMetric.ErrorRatePct, MetricKeys.ErrorRatePct, 0.4)]
    [InlineData(ChartMetric.P99Ms, MetricKeys.P99Ms, 180)]
    [InlineData(ChartMetric.AvailabilityPct, MetricKeys.AvailabilityPct, 99.95)]
    public void For_ChartMetric_ReadsTheSameValueAsTheSnapshot(ChartMetric chart, string key, double expected)
    {
        Assert.Equal(key, MetricCatalog.For(chart).Key);
        Assert.Equal(expected, MetricCatalog.For(chart).ValueOf(Canary));
    }

    [Fact]
    public void Text_ShowsTheUnitAndNeverZeroForMissing()
    {
        Assert.Equal("0.42 %", MetricCatalog.ErrorRatePct.Text(0.42));
        Assert.Equal("—", MetricCatalog.ErrorRatePct.Text(null));
        Assert.Equal(MetricDefinition.NoData, MetricCatalog.ErrorRatePct.Format(null));
        Assert.Equal("< 0.5 %", MetricCatalog.ErrorRatePct.Threshold(Comparator.LessThan, 0.5));
        Assert.Equal("≤ 0", MetricCatalog.CriticalIncidents.Threshold(Comparator.LessThanOrEqual, 0));
    }
}
