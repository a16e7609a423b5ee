namespace Dashboard.Core.Checkpoints;

/// <summary>
/// Which way a metric moved since the previous checkpoint. The direction of the number, not
/// better or worse: a rising error rate and a rising availability are both <see cref="Rising"/>.
/// </summary>
public enum MetricTrend
{
    /// <summary>No previous checkpoint, or either value missing.</summary>
    Unknown,
    Stable,
    Rising,
    Falling,
}
