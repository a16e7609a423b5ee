using Dashboard.Core.Metrics;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Chart sets as the poller produces them, for chart tests.</summary>
internal static class ChartData
{
    /// <summary>A set holding only error-rate points, one per minute, with one empty bucket.</summary>
    public static ChartSeriesSet ErrorRate(ChartRange range)
    {
        var from = LiveDashboardTestHost.Start - range.Duration();
        SeriesPoint[] baseline = [.. Enumerable.Range(0, 10).Select(i => new SeriesPoint(from.AddMinutes(i), 0.2 + (i * 0.01)))];
        SeriesPoint[] canary = [.. Enumerable.Range(0, 10).Select(i => new SeriesPoint(from.AddMinutes(i), i == 4 ? null : 0.3 + (i * 0.02)))];
        var series = new Dictionary<ChartMetric, IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>>>
        {
            [ChartMetric.ErrorRatePct] = new Dictionary<Cohort, IReadOnlyList<SeriesPoint>>
            {
                [Cohort.Baseline] = baseline,
                [Cohort.Canary] = canary,
            },
        };
        return new ChartSeriesSet(range, from, LiveDashboardTestHost.Start, TimeSpan.FromMinutes(1), series);
    }
}
