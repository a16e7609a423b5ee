using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// When the shared poller reads a chart range again (docs/metrics.md#when-a-chart-range-is-read).
/// A range is read once one of its buckets has passed — and also at every poll while it is
/// <em>filling</em>: it is missing buckets (any but the newest, which may still await its first point)
/// and its history grew within the last <c>settle</c>. History grows when a read finds more filled buckets
/// than the passing of time can add at the range's front, e.g. while a service writes its backlog.
/// A range that is first read incomplete counts as filling too, so a backlog that starts a little
/// later is still seen. A genuinely sparse range stops being re-read one <c>settle</c> after it last grew.
/// Used by the poll loop only, one poll at a time.
/// </summary>
/// <param name="pollInterval">The poller's interval: no range is read more often.</param>
/// <param name="settle">How long a range with missing buckets is re-read after it last grew.</param>
public sealed class ChartReadSchedule(TimeSpan pollInterval, TimeSpan settle)
{
    // A timer tick may come a little early; a bucket that has all but passed counts as passed.
    private static readonly TimeSpan TickTolerance = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<ChartRange, DateTimeOffset> _fillingUntil = [];

    // The poll that made each range's newest own read. A range is read after the snapshot and the ranges before it,
    // so its end lies that long after its poll began; counted from its end, a bucket as long as the poll interval had
    // not passed at the next poll whenever those reads took more than the tolerance, and the 15 min range was read at
    // every other poll (the query load bench: 19 of 36 polls at load 20).
    private readonly Dictionary<ChartRange, (DateTimeOffset To, DateTimeOffset PolledAt)> _ownReads = [];

    /// <summary>True when <paramref name="range"/>, last read as <paramref name="previous"/> (null: never), must be read at <paramref name="now"/>.</summary>
    public bool IsDue(ChartRange range, ChartSeriesSet? previous, DateTimeOffset now)
    {
        if (previous is null)
        {
            return true;
        }

        if (_fillingUntil.TryGetValue(range, out var until) && now <= until)
        {
            return true;
        }

        var refreshEvery = previous.Bucket > pollInterval ? previous.Bucket : pollInterval;
        var readAt = _ownReads.TryGetValue(range, out var own) && own.To == previous.To ? own.PolledAt : previous.To;
        return now - readAt >= refreshEvery - TickTolerance;
    }

    /// <summary>
    /// Notes a read of <paramref name="range"/> by the poll that began at <paramref name="polledAt"/>: <paramref name="current"/>,
    /// which followed <paramref name="previous"/> (null: the first read).
    /// </summary>
    public void Record(ChartRange range, ChartSeriesSet? previous, ChartSeriesSet current, DateTimeOffset polledAt)
    {
        ArgumentNullException.ThrowIfNull(current);
        _ownReads[range] = (current.To, polledAt);
        var filled = FilledBuckets(current);
        if (IsComplete(current, filled))
        {
            _fillingUntil.Remove(range);
        }
        else if (previous is null || Grew(previous, current, filled.Count))
        {
            _fillingUntil[range] = current.To + settle;
        }
    }

    /// <summary>Every bucket but the newest holds at least one point of either cohort.</summary>
    private static bool IsComplete(ChartSeriesSet set, HashSet<long> filled)
    {
        var buckets = BucketCount(set);
        for (long index = 0; index < buckets - 1; index++)
        {
            if (!filled.Contains(index))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// More buckets were filled than time explains: as the range slides by Δt, at most ⌈Δt / bucket⌉
    /// buckets can fill at its front, plus one more where a bucket boundary crosses the first point.
    /// </summary>
    private static bool Grew(ChartSeriesSet previous, ChartSeriesSet current, int filled)
    {
        var slid = current.To - previous.To;
        var explained = (long)Math.Ceiling(Math.Max(0, slid.Ticks) / (double)current.Bucket.Ticks) + 1;
        return filled > FilledBuckets(previous).Count + explained;
    }

    private static HashSet<long> FilledBuckets(ChartSeriesSet set) =>
    [
        .. set.Series.Values
            .SelectMany(byCohort => byCohort.Values)
            .SelectMany(points => points)
            .Select(point => (point.Time - set.From).Ticks / set.Bucket.Ticks),
    ];

    private static long BucketCount(ChartSeriesSet set) =>
        (long)Math.Ceiling((set.To - set.From).Ticks / (double)set.Bucket.Ticks);
}
