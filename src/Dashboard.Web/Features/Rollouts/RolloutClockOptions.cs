namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The <c>Rollout</c> section. <see cref="TimeScale"/> above 1 makes plans run faster for demos and
/// tests: a 2 h canary with <c>Rollout:TimeScale=60</c> takes 2 min, its checkpoints and their
/// windows shrink alike. Every page says so while it is not 1.
/// </summary>
public sealed class RolloutClockOptions
{
    public const string SectionName = "Rollout";

    public double TimeScale { get; set; } = 1;

    /// <summary>
    /// Real time between a checkpoint's due time and its evaluation, so points timestamped inside the
    /// window but written a little later (write buffers, agents that flush every 10 s) are counted, and
    /// InfluxDB is not read while the window's last points are still being written field by field. Not
    /// scaled: it is about the writers, not the plan.
    /// </summary>
    public TimeSpan CheckpointSettleDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A checkpoint evaluated this much after <see cref="EvaluateAt"/> or more counts as late.</summary>
    public static TimeSpan LateAfter { get; } = TimeSpan.FromSeconds(5);

    /// <summary>When the checkpoint whose window ends at <paramref name="dueAt"/> is evaluated.</summary>
    public DateTimeOffset EvaluateAt(DateTimeOffset dueAt) => dueAt + CheckpointSettleDelay;

    /// <summary>How late an evaluation at <paramref name="evaluatedAt"/> was, or null when it ran on time.</summary>
    public TimeSpan? LateBy(DateTimeOffset dueAt, DateTimeOffset evaluatedAt) =>
        evaluatedAt - EvaluateAt(dueAt) is var late && late >= LateAfter ? late : null;

    public bool IsScaled => TimeScale > 1;

    /// <summary>Real time for a planned duration.</summary>
    public TimeSpan Scale(TimeSpan planned) => planned / TimeScale;
}
