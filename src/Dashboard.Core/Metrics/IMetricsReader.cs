namespace Dashboard.Core.Metrics;

/// <summary>Reads the derived metrics of docs/schema.md from the time-series store.</summary>
public interface IMetricsReader
{
    /// <summary>All derived metrics over the <paramref name="window"/> ending now.</summary>
    Task<MetricsSnapshot> ReadSnapshotAsync(TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Chart series for <paramref name="range"/>, at most <paramref name="maxPoints"/> per series.</summary>
    Task<ChartSeriesSet> ReadChartsAsync(ChartRange range, int maxPoints, CancellationToken cancellationToken = default);

    /// <summary>All derived metrics over the <paramref name="window"/> ending at <paramref name="end"/> (the board as it was, docs/board-history.md).</summary>
    Task<MetricsSnapshot> ReadSnapshotEndingAsync(DateTimeOffset end, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Chart series for <paramref name="range"/> ending at <paramref name="end"/>, at most <paramref name="maxPoints"/> per series.</summary>
    Task<ChartSeriesSet> ReadChartsEndingAsync(ChartRange range, DateTimeOffset end, int maxPoints, CancellationToken cancellationToken = default);
}
