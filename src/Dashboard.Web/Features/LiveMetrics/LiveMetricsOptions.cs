namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>The shared poller's settings (section <c>LiveMetrics</c>).</summary>
public sealed class LiveMetricsOptions
{
    public const string Section = "LiveMetrics";

    /// <summary>How often the poller reads InfluxDB and pushes to every open page.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How late a point may be before the data counts as stale: it is stale once the newest point is
    /// older than <c>Metrics:PointInterval</c> + <see cref="PollInterval"/> + this (see <see cref="StalenessRule"/>).
    /// </summary>
    public TimeSpan StaleGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The window the tiles and tables aggregate over, ending now.</summary>
    public TimeSpan SnapshotWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most points one chart series may hold (about one per horizontal pixel pair).</summary>
    public int ChartPoints { get; set; } = 300;
}
