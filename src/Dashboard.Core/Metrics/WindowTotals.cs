namespace Dashboard.Core.Metrics;

/// <summary>
/// The additive aggregates of one group of series over one window, as InfluxDB returns them
/// (<c>sum()</c> and <c>count()</c>). Null means the window held no point with that field.
/// Totals of several groups add up field by field, which is how per-segment data becomes
/// per-cohort data without ever averaging a ratio or a percentile.
/// </summary>
public sealed record WindowTotals
{
    public static WindowTotals Empty { get; } = new();

    public double? Requests { get; init; }
    public double? Errors { get; init; }
    public LatencyHistogram Latency { get; init; } = LatencyHistogram.Empty;
    public double? ProbesOk { get; init; }
    public double? ProbesTotal { get; init; }
    public double? Revenue { get; init; }
    public double? Sessions { get; init; }
    public double? Completions { get; init; }
    public double? Churned { get; init; }
    public double? CacheHits { get; init; }
    public double? CacheMisses { get; init; }
    public double? CpuPctSum { get; init; }
    public double? CpuPctSamples { get; init; }
    public double? MemoryMbSum { get; init; }
    public double? MemoryMbSamples { get; init; }

    /// <summary>
    /// Exposure: the learners gauge summed over its points, times the point interval (learner-seconds).
    /// Revenue is a count over time, so it is divided by learners over the same points, not by their
    /// mean over a window the cohort may have reported in only in part (docs/metrics.md, "Revenue per learner").
    /// </summary>
    public double? LearnerSeconds { get; init; }

    /// <summary>
    /// A group of <see cref="Requests"/>, <see cref="Errors"/> and <see cref="Latency"/> was not whole
    /// when read (<see cref="HistogramConsistency"/>), even after re-reading. Which field of the torn
    /// point was missing cannot be told, so no metric of the requests measurement is computed from
    /// these totals, nor from any sum they are part of.
    /// </summary>
    public bool IncompletePoints { get; init; }

    /// <summary>
    /// The totals of one group of the requests measurement as read, checked once here for every
    /// reader: a group that is not whole (<see cref="HistogramConsistency"/>) is marked <see cref="IncompletePoints"/>.
    /// </summary>
    public static WindowTotals OfRequests(double? count, double? errors, LatencyHistogram latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        return new()
        {
            Requests = count,
            Errors = errors,
            Latency = latency,
            IncompletePoints = !HistogramConsistency.IsWhole(count, latency),
        };
    }

    public static WindowTotals Sum(IEnumerable<WindowTotals> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.Aggregate(Empty, (sum, next) => sum.Add(next));
    }

    public WindowTotals Add(WindowTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new WindowTotals
        {
            Requests = Plus(Requests, other.Requests),
            Errors = Plus(Errors, other.Errors),
            Latency = Latency.Add(other.Latency),
            ProbesOk = Plus(ProbesOk, other.ProbesOk),
            ProbesTotal = Plus(ProbesTotal, other.ProbesTotal),
            Revenue = Plus(Revenue, other.Revenue),
            Sessions = Plus(Sessions, other.Sessions),
            Completions = Plus(Completions, other.Completions),
            Churned = Plus(Churned, other.Churned),
            CacheHits = Plus(CacheHits, other.CacheHits),
            CacheMisses = Plus(CacheMisses, other.CacheMisses),
            CpuPctSum = Plus(CpuPctSum, other.CpuPctSum),
            CpuPctSamples = Plus(CpuPctSamples, other.CpuPctSamples),
            MemoryMbSum = Plus(MemoryMbSum, other.MemoryMbSum),
            MemoryMbSamples = Plus(MemoryMbSamples, other.MemoryMbSamples),
            LearnerSeconds = Plus(LearnerSeconds, other.LearnerSeconds),
            IncompletePoints = IncompletePoints || other.IncompletePoints,
        };
    }

    /// <summary>
    /// The derived metrics of these totals over <paramref name="window"/>; active learners come
    /// from the gauge (see <see cref="GaugeTotal"/>) because a gauge does not add up over time.
    /// With <see cref="IncompletePoints"/> the error rate, the percentiles and RPS are null. Without
    /// <see cref="LearnerSeconds"/> (a reader that does not ask for it) the exposure is the gauge's mean
    /// over the whole window, which is right only for a cohort that reported throughout it.
    /// </summary>
    public CohortMetrics ToMetrics(TimeSpan window, double? activeLearners)
    {
        var requests = IncompletePoints ? null : Requests;
        var latency = IncompletePoints ? LatencyHistogram.Empty : Latency;
        return new()
        {
            ErrorRatePct = MetricFormulas.ErrorRatePct(Errors, requests),
            P50Ms = latency.Quantile(0.50),
            P95Ms = latency.Quantile(0.95),
            P99Ms = latency.Quantile(0.99),
            AvailabilityPct = MetricFormulas.AvailabilityPct(ProbesOk, ProbesTotal),
            Rps = MetricFormulas.PerSecond(requests, window),
            ActiveLearners = activeLearners,
            RevenuePerLearner = MetricFormulas.RevenuePerLearner(Revenue, LearnerSeconds ?? activeLearners * window.TotalSeconds, window),
            CompletionRatePct = MetricFormulas.CompletionRatePct(Completions, Sessions),
            ChurnRatePct = MetricFormulas.ChurnRatePct(Churned, Sessions),
            CacheEfficiencyPct = MetricFormulas.CacheEfficiencyPct(CacheHits, CacheMisses),
            CpuPct = MetricFormulas.Mean(CpuPctSum, CpuPctSamples),
            MemoryMb = MetricFormulas.Mean(MemoryMbSum, MemoryMbSamples),
            IncompletePoints = IncompletePoints,
        };
    }

    // A sum with one side missing is the other side: no data plus data is that data.
    private static double? Plus(double? left, double? right) =>
        left is null ? right : right is null ? left : left + right;
}
