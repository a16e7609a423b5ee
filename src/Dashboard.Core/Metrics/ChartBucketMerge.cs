namespace Dashboard.Core.Metrics;

/// <summary>
/// Groups consecutive chart buckets until each group holds a minimum of events (<see cref="ChartEvidence"/>).
/// A gap (a bucket with no point at all) is never bridged: the line breaks there, as it does unmerged. The
/// thin rest before a gap or at the end joins the group before it, so the newest data is drawn with enough
/// events behind it; a run too thin as a whole stays one point, and its event count says so.
/// </summary>
public static class ChartBucketMerge
{
    public static IReadOnlyList<MergedBuckets> Groups(
        IReadOnlyList<(DateTimeOffset Time, WindowTotals Totals)> buckets,
        TimeSpan bucket,
        Func<WindowTotals, double> eventsOf,
        int minimum)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(eventsOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var groups = new List<MergedBuckets>();
        var runStart = 0;
        MergedBuckets? open = null;
        DateTimeOffset? previous = null;
        foreach (var (time, totals) in buckets)
        {
            if (previous is { } before && time - before > bucket * 1.5)
            {
                CloseRun();
            }

            previous = time;
            open = open is { } growing
                ? growing with { Last = time, Buckets = growing.Buckets + 1, Totals = growing.Totals.Add(totals) }
                : new MergedBuckets(time, time, 1, totals);
            if (eventsOf(open.Totals) >= minimum)
            {
                groups.Add(open);
                open = null;
            }
        }

        CloseRun();
        return groups;

        // The thin rest of a run joins the run's group before it; a run with no full group keeps it alone.
        void CloseRun()
        {
            if (open is { } rest)
            {
                if (groups.Count > runStart)
                {
                    var previous = groups[^1];
                    groups[^1] = previous with { Last = rest.Last, Buckets = previous.Buckets + rest.Buckets, Totals = previous.Totals.Add(rest.Totals) };
                }
                else
                {
                    groups.Add(rest);
                }
            }

            open = null;
            runStart = groups.Count;
        }
    }
}
