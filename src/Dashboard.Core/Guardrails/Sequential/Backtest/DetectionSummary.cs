namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// How one judge did over a scenario's runs: how many rolled back, and the median and 95th percentile
/// of the time to roll back over ALL runs (a run that never rolled back counts as slower than any that
/// did; null when that percentile falls on one).
/// </summary>
public sealed record DetectionSummary(int Runs, int RolledBack, TimeSpan? Median, TimeSpan? P95)
{
    public static DetectionSummary Of(IReadOnlyList<TimeSpan?> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = times.OrderBy(time => time ?? TimeSpan.MaxValue).ToList();
        return new DetectionSummary(times.Count, times.Count(time => time is not null), Percentile(sorted, 0.5), Percentile(sorted, 0.95));
    }

    // The nearest-rank percentile: the smallest value with at least q of the runs at or below it.
    private static TimeSpan? Percentile(List<TimeSpan?> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
