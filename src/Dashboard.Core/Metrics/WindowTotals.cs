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
        };
    }

    /// <summary>
    /// The derived metrics of these totals over <paramref name="window"/>; active learners come
    /// from the gauge (see <see cref="GaugeTotal"/>) because a gauge does not add up over time.
    /// </summary>
    public CohortMetrics ToMetrics(TimeSpan window, double? activeLearners) => new()
    {
        ErrorRatePct = MetricFormulas.ErrorRatePct(Errors, Requests),
        P50Ms = Latency.Quantile(0.50),
        P95Ms = Latency.Quantile(0.95),
        P99Ms = Latency.Quantile(0.99),
        AvailabilityPct = MetricFormulas.AvailabilityPct(ProbesOk, ProbesTotal),
        Rps = MetricFormulas.PerSecond(Requests, window),
        ActiveLearners = activeLearners,
        RevenuePerLearner = MetricFormulas.RevenuePerLearner(Revenue, activeLearners),
        CompletionRatePct = MetricFormulas.CompletionRatePct(Completions, Sessions),
        ChurnRatePct = MetricFormulas.ChurnRatePct(Churned, Sessions),
        CacheEfficiencyPct = MetricFormulas.CacheEfficiencyPct(CacheHits, CacheMisses),
        CpuPct = MetricFormulas.Mean(CpuPctSum, CpuPctSamples),
        MemoryMb = MetricFormulas.Mean(MemoryMbSum, MemoryMbSamples),
    };

    // A sum with one side missing is the other side: no data plus data is that data.
    private static double? Plus(double? left, double? right) =>
        left is null ? right : right is null ? left : left + right;
}
