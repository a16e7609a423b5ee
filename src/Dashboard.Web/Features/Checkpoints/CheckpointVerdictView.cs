using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// A persisted checkpoint verdict as the API shows it; <see cref="LateBy"/> is null when it ran on
/// time (within 5 s). <see cref="Evaluation"/> is the stored evaluation exactly as persisted
/// (criteria with values, InfluxQL and samples; enums as names).
/// </summary>
public sealed record CheckpointVerdictView(
    int PhaseIndex,
    string Phase,
    TimeSpan Checkpoint,
    DateTimeOffset PhaseStartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset EvaluatedAt,
    TimeSpan? LateBy,
    Verdict Verdict,
    CheckpointDecision Decision,
    JsonElement Evaluation)
{
    /// <param name="record">The stored verdict.</param>
    /// <param name="clock">The settle delay after the due time, from which lateness counts.</param>
    public static CheckpointVerdictView From(CheckpointVerdictRecord record, RolloutClockOptions clock)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(clock);
        var evaluation = CheckpointVerdictStore.Read(record);
        using var stored = JsonDocument.Parse(record.EvaluationJson);
        return new(
            record.PhaseIndex, evaluation.PhaseName, evaluation.CheckpointOffset, record.PhaseStartedAt, record.DueAt, record.EvaluatedAt,
            clock.LateBy(record.DueAt, record.EvaluatedAt), evaluation.OverallVerdict, evaluation.SuggestedDecision, stored.RootElement.Clone());
    }
}
