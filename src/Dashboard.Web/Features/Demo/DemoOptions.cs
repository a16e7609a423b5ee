namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The demo traffic simulator, bound from the <c>Demo</c> configuration section. With
/// <see cref="Enabled"/> the app writes plausible baseline and canary metrics to InfluxDB itself,
/// so the dashboard can be tried without any real service.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Time between two simulated points of every series.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Value of the <c>service</c> tag.</summary>
    public string Service { get; set; } = "ultra-fast-analyzer";

    /// <summary>Value of the <c>version</c> tag of the baseline cohort.</summary>
    public string BaselineVersion { get; set; } = "v2.9.4";

    /// <summary>Value of the <c>version</c> tag of the canary cohort.</summary>
    public string CanaryVersion { get; set; } = "v3.0.0-sprint-2-complete";

    /// <summary>Values of the <c>segment</c> tag. Configured values replace the default (A, B, C).</summary>
    public IList<string> Segments { get; set; } = [];

    /// <summary>Values of the <c>region</c> tag. Configured values replace the default (us-east, us-west, eu).</summary>
    public IList<string> Regions { get; set; } = [];

    /// <summary>Requests per second of both cohorts together at the daily average load.</summary>
    public double TotalRps { get; set; } = 400;

    /// <summary>Active learners of both cohorts together at the daily average load, split like the traffic.</summary>
    public int ActiveLearners { get; set; } = 5000;

    /// <summary>
    /// Synthetic probes per second of each series (2). At a high <c>Rollout:TimeScale</c> a checkpoint
    /// window holds few probes, so one failed probe swings availability by whole percents; raise this
    /// (and <see cref="TotalRps"/>) so a scaled window holds as many samples as the planned one would.
    /// </summary>
    public double ProbesPerSecond { get; set; } = 2;

    /// <summary>The canary's share of traffic (percent) when the app starts.</summary>
    public double CanaryWeightPercent { get; set; } = 1;

    /// <summary>
    /// Hours of history written at start when the demo's data is missing for them, so the charts
    /// of a fresh install are not empty; written at <see cref="Interval"/>, so at most the newest
    /// 1,440 intervals (2 h at 5 s). 0 turns the backfill off.
    /// </summary>
    public double BackfillHours { get; set; } = 2;

    /// <summary>Seed of the random noise, for reproducible data; none means a different run every time.</summary>
    public int? Seed { get; set; }

    internal static IReadOnlyList<string> DefaultSegments { get; } = ["A", "B", "C"];

    internal static IReadOnlyList<string> DefaultRegions { get; } = ["us-east", "us-west", "eu"];

    /// <summary>The segments in effect: the configured ones, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveSegments => Segments.Count > 0 ? [.. Segments] : DefaultSegments;

    /// <summary>The regions in effect: the configured ones, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveRegions => Regions.Count > 0 ? [.. Regions] : DefaultRegions;
}
