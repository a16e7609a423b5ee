namespace Dashboard.Core.Metrics;

/// <summary>Reads per-cohort request and probe totals on a fixed grid: what the sequential guardrail judge is fed.</summary>
public interface ICohortIntervalReader
{
    /// <summary>
    /// The totals of each cohort in each <paramref name="interval"/>-wide cell of [<paramref name="from"/>, <paramref name="to"/>),
    /// cells aligned on <paramref name="from"/>; a cohort with no point in a cell has no entry for it. A requests point still torn
    /// after re-reading leaves its cell's totals marked <see cref="WindowTotals.IncompletePoints"/>.
    /// </summary>
    Task<IReadOnlyList<BucketTotals>> ReadCohortIntervalsAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan interval, CancellationToken cancellationToken = default);
}
