using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// The one rule for "stale": no new point for longer than <see cref="MaxAge"/>, the interval at which
/// points arrive plus the time it takes to see one (docs/metrics.md#freshness). A point stamped t is
/// on screen from the first poll after t, so a point that came on time may be up to
/// <see cref="PointInterval"/> + <see cref="PollInterval"/> old before the next one shows; the
/// <see cref="Grace"/> covers write delay, the poll's own duration and clock skew. The poll interval is
/// added once, never multiplied: polling faster must not make data look older.
/// </summary>
/// <param name="PointInterval">How often each series writes a point (<c>Metrics:PointInterval</c>).</param>
/// <param name="PollInterval">How often the shared poller reads (<c>LiveMetrics:PollInterval</c>).</param>
/// <param name="Grace">Extra time before a late point counts as missing (<c>LiveMetrics:StaleGrace</c>).</param>
public sealed record StalenessRule(TimeSpan PointInterval, TimeSpan PollInterval, TimeSpan Grace)
{
    /// <summary>The age of the newest point beyond which the data is stale.</summary>
    public TimeSpan MaxAge => PointInterval + PollInterval + Grace;

    /// <summary>Why data whose newest point is at <paramref name="newestPointAt"/> is stale at <paramref name="now"/>, or null while it is fresh.</summary>
    public string? Judge(DateTimeOffset newestPointAt, DateTimeOffset now)
    {
        var age = now - newestPointAt;
        return age > MaxAge ? $"No new data for {AgeText.Format(age)}" : null;
    }
}
