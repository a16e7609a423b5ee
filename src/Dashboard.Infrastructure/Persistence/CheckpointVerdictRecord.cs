namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One persisted checkpoint verdict. Unique per rollout, phase, phase run (a retried phase runs
/// again from a new start) and checkpoint offset: a checkpoint is evaluated exactly once per run.
/// <see cref="EvaluationJson"/> is Core's whole <c>CheckpointEvaluation</c> (criteria, queries,
/// samples, decision, trends).
/// </summary>
public sealed class CheckpointVerdictRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    /// <summary>When the phase run this checkpoint belongs to started.</summary>
    public DateTimeOffset PhaseStartedAt { get; set; }

    /// <summary>The plan's offset (unscaled), in whole seconds.</summary>
    public long CheckpointOffsetSeconds { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>Pass, Warn, Fail or NoData.</summary>
    public required string OverallVerdict { get; set; }

    /// <summary>Continue, MonitorClosely, ReduceTraffic or Abort.</summary>
    public required string SuggestedDecision { get; set; }

    public required string EvaluationJson { get; set; }
}
