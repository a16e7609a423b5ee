using Dashboard.Core.Metrics;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.BoardHistory;

/// <summary>A metrics reader that answers every window with <see cref="Snapshot"/> (its newest point 2 s before the end) and notes each read.</summary>
internal sealed class RecordingMetricsReader : IMetricsReader
{
    private int _snapshotReads;
    private int _liveReads;
    private int _chartReads;

    public MetricsSnapshot Snapshot { get; set; } = States.Snapshot();

    /// <summary>Reads of a window ending at a given moment.</summary>
    public int SnapshotReads => Volatile.Read(ref _snapshotReads);

    /// <summary>Chart ranges read ending at a given moment.</summary>
    public int ChartReads => Volatile.Read(ref _chartReads);

    /// <summary>Reads of a window ending now: the live board's, which a past board must never make.</summary>
    public int LiveReads => Volatile.Read(ref _liveReads);

    public Task<MetricsSnapshot> ReadSnapshotAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _liveReads);
        throw new InvalidOperationException("A past board read the live window.");
    }

    public Task<ChartSeriesSet> ReadChartsAsync(ChartRange range, int maxPoints, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _liveReads);
        throw new InvalidOperationException("A past board read the live charts.");
    }

    public Task<MetricsSnapshot> ReadSnapshotEndingAsync(DateTimeOffset end, TimeSpan window, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _snapshotReads);
        return Task.FromResult(Snapshot with { AsOf = end, WindowSeconds = (int)window.TotalSeconds, NewestPointAt = end.AddSeconds(-2) });
    }

    public Task<ChartSeriesSet> ReadChartsEndingAsync(ChartRange range, DateTimeOffset end, int maxPoints, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _chartReads);
        return Task.FromResult(new ChartSeriesSet(range, end - range.Duration(), end, TimeSpan.FromMinutes(1), new Dictionary<ChartMetric, IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>>>()));
    }
}
