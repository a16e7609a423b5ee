namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// How one judge did over a scenario's runs: how many rolled back (<see cref="BeforeOnset"/> of them before a late
/// fault began: false rollbacks), and the median and 95th percentile of the time to roll back, counted from the
/// fault's onset, over ALL runs (a run that never rolled back counts as slower than any that did; null when that
/// percentile falls on one).
/// </summary>
public sealed record DetectionSummary(int Runs, int RolledBack, TimeSpan? Median, TimeSpan? P95)
{
    /// <summary>Runs rolled back at or before the onset of a fault that starts late, before any faulty interval was judged.</summary>
    public int BeforeOnset { get; init; }

    public static DetectionSummary Of(IReadOnlyList<TimeSpan?> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = times.OrderBy(time => time ?? TimeSpan.MaxValue).ToList();
        return new DetectionSummary(times.Count, times.Count(time => time is not null), Percentile(sorted, 0.5), Percentile(sorted, 0.95))
        {
            BeforeOnset = times.Count(time => time <= TimeSpan.Zero),
        };
    }

    // The nearest-rank percentile: the smallest value with at least q of the runs at or below it.
    private static TimeSpan? Percentile(List<TimeSpan?> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
