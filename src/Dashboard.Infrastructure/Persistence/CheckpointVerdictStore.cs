using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Persists checkpoint verdicts with their audit event in one transaction, at most once per
/// checkpoint of a phase run, before anyone is told or anything acts on them.
/// </summary>
public sealed class CheckpointVerdictStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>How evaluations are stored: camelCase, enums as names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Stores <paramref name="evaluation"/> unless this checkpoint of this phase run already has a
    /// verdict; returns false then (the caller must not act twice).
    /// </summary>
    public Task<bool> TryAddAsync(Guid rolloutId, DateTimeOffset phaseStartedAt, CheckpointEvaluation evaluation, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var offsetSeconds = (long)evaluation.CheckpointOffset.TotalSeconds;
        return unitOfWork.RunAsync(
            async db =>
            {
                var exists = await db.CheckpointVerdicts.AnyAsync(
                    v => v.RolloutId == rolloutId && v.PhaseIndex == evaluation.PhaseIndex && v.PhaseStartedAt == phaseStartedAt
                        && v.CheckpointOffsetSeconds == offsetSeconds,
                    cancellationToken);
                if (exists)
                {
                    return false;
                }

                db.CheckpointVerdicts.Add(new CheckpointVerdictRecord
                {
                    Id = Guid.NewGuid(),
                    RolloutId = rolloutId,
                    PhaseIndex = evaluation.PhaseIndex,
                    PhaseStartedAt = phaseStartedAt,
                    CheckpointOffsetSeconds = offsetSeconds,
                    DueAt = evaluation.Window.DueAt,
                    EvaluatedAt = evaluation.EvaluatedAt,
                    OverallVerdict = evaluation.OverallVerdict.ToString(),
                    SuggestedDecision = evaluation.SuggestedDecision.ToString(),
                    EvaluationJson = JsonSerializer.Serialize(evaluation, Json),
                });
                await auditLog.AppendAsync(
                    db,
                    AuditEventDraft.For(actor, "checkpoint.evaluated", rolloutId, new
                    {
                        phaseIndex = evaluation.PhaseIndex,
                        phase = evaluation.PhaseName,
                        checkpoint = evaluation.CheckpointOffset.ToString(),
                        dueAt = evaluation.Window.DueAt,
                        evaluatedAt = evaluation.EvaluatedAt,
                        verdict = evaluation.OverallVerdict.ToString(),
                        decision = evaluation.SuggestedDecision.ToString(),
                        reason = evaluation.DecisionReason,
                    }),
                    cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The rollout's verdicts, in order of due time.</summary>
    public async Task<IReadOnlyList<CheckpointVerdictRecord>> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.CheckpointVerdicts.AsNoTracking().Where(v => v.RolloutId == rolloutId).ToListAsync(cancellationToken);
        return [.. records.OrderBy(v => v.DueAt)];
    }

    public static CheckpointEvaluation Read(CheckpointVerdictRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<CheckpointEvaluation>(record.EvaluationJson, Json)
            ?? throw new InvalidOperationException($"Checkpoint verdict {record.Id} has no evaluation.");
    }
}
