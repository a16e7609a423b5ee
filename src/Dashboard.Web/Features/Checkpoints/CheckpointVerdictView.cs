using System.Text.Json;
using Dashboard.Infrastructure.Persistence;

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
    string Verdict,
    string Decision,
    JsonElement Evaluation)
{
    /// <summary>Evaluated this much after the due time or more counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);

    public static CheckpointVerdictView From(CheckpointVerdictRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evaluation = CheckpointVerdictStore.Read(record);
        using var stored = JsonDocument.Parse(record.EvaluationJson);
        var late = record.EvaluatedAt - record.DueAt;
        return new(
            record.PhaseIndex, evaluation.PhaseName, evaluation.CheckpointOffset, record.PhaseStartedAt, record.DueAt, record.EvaluatedAt,
            late >= LateAfter ? late : null, record.OverallVerdict, record.SuggestedDecision, stored.RootElement.Clone());
    }
}
