using Dashboard.Core.Statistics;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>How checkpoints sample their window (configuration section <c>CheckpointEvaluation</c>).</summary>
public sealed class CheckpointEvaluatorOptions
{
    public const string SectionName = "CheckpointEvaluation";

    /// <summary>
    /// The finest interval of a criterion's per-interval samples (default 1 min): wide enough to
    /// hold a dozen 5 s points per series, fine enough for a statistical test on a 15 min window.
    /// </summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// At most this many samples per cohort and metric (default 500); longer windows use wider
    /// intervals (a whole multiple of <c>Metrics:PointInterval</c>), so 36 h reads ~500 rows per series, not 2,160.
    /// </summary>
    public int MaxSamples { get; set; } = 500;

    /// <summary>
    /// The statistical judge's thresholds (<c>CheckpointEvaluation:Judge:*</c>), Kayenta's defaults.
    /// Its comparison is advisory: stored and shown beside the thresholds, it never gates.
    /// </summary>
    public CanaryJudgeOptions Judge { get; set; } = new();
}
