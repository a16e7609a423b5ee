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
    /// intervals, each a whole multiple of <see cref="SampleInterval"/> (36 h: 5 min, 432 samples), so the
    /// sums stored per <see cref="SampleInterval"/> add up to any checkpoint's intervals.
    /// </summary>
    public int MaxSamples { get; set; } = 500;

    /// <summary>
    /// Sums of a sample interval are stored for later checkpoints of the phase to reuse only once the interval
    /// ended at least this long before it was read (default 5 min); the rest is read again every time. A point
    /// that reaches InfluxDB later than this after its timestamp is missing from reused sums (a re-run reads
    /// everything again). Keep it well above <c>Rollout:CheckpointSettleDelay</c> and the writers' flush interval.
    /// </summary>
    public TimeSpan ReuseAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The background top-up of settled sums while a phase runs (<c>CheckpointEvaluation:TopUp:*</c>).</summary>
    public CheckpointSumTopUpOptions TopUp { get; set; } = new();

    /// <summary>
    /// The statistical judge's thresholds (<c>CheckpointEvaluation:Judge:*</c>), Kayenta's defaults.
    /// Its comparison is advisory: stored and shown beside the thresholds, it never gates.
    /// </summary>
    public CanaryJudgeOptions Judge { get; set; } = new();
}
