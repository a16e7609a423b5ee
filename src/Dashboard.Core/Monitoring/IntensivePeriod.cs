namespace Dashboard.Core.Monitoring;

/// <summary>
/// The intensive cadence runs while a rollout is active and within its first
/// <see cref="Duration"/> (36 h by default) after it started. The duration is planned time: with
/// <c>Rollout:TimeScale</c> above 1 it shrinks like the plan's phases do, so a demo at 60× watches
/// intensively for 36 min — the same share of the plan as in real time (the three-phase plan's
/// rollout phase ends at 42 h).
/// </summary>
public sealed record IntensivePeriod(TimeSpan Duration, double TimeScale = 1)
{
    /// <summary>How long the period lasts in real time.</summary>
    public TimeSpan RealDuration => Duration / TimeScale;

    /// <summary>When the period of a rollout started at <paramref name="startedAt"/> ends.</summary>
    public DateTimeOffset EndsAt(DateTimeOffset startedAt) => startedAt + RealDuration;

    /// <summary>True while a rollout started at <paramref name="startedAt"/> (null: not started) is in its period at <paramref name="now"/>.</summary>
    public bool Covers(DateTimeOffset? startedAt, DateTimeOffset now) =>
        startedAt is { } started && now >= started && now < EndsAt(started);
}
