namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// The <c>Rollout</c> section. <see cref="TimeScale"/> above 1 makes plans run faster for demos and
/// tests: a 2 h canary with <c>Rollout:TimeScale=60</c> takes 2 min, its checkpoints and their
/// windows shrink alike. Every page says so while it is not 1.
/// </summary>
public sealed class RolloutClockOptions
{
    public const string SectionName = "Rollout";

    public double TimeScale { get; set; } = 1;

    public bool IsScaled => TimeScale > 1;

    /// <summary>Real time for a planned duration.</summary>
    public TimeSpan Scale(TimeSpan planned) => planned / TimeScale;
}
