using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// The checkpoint timeline of a rollout: the phases up to the current one, each with one chip per
/// planned checkpoint of its latest run — the verdict where one is persisted, otherwise the due time
/// (phase start + scaled offset). Only verdicts of the phase's latest run count, so a retried phase
/// starts grey again.
/// </summary>
public static class CheckpointTimelineBuilder
{
    public static IReadOnlyList<TimelinePhase> Build(
        RolloutView rollout, RolloutPlan plan, IReadOnlyList<CheckpointVerdictRecord> verdicts, RolloutClockOptions clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(verdicts);
        return [.. rollout.Phases
            .Where(phase => phase.Index <= rollout.CurrentPhaseIndex)
            .Select(phase => new TimelinePhase(
                phase.Index,
                phase.Name,
                phase.Index == rollout.CurrentPhaseIndex,
                [.. plan.Phases[phase.Index].Checkpoints.Select(offset => Chip(rollout.Id, phase, offset, verdicts, clock, now))]))];
    }

    private static TimelineChip Chip(
        Guid rolloutId, PhaseView phase, TimeSpan offset, IReadOnlyList<CheckpointVerdictRecord> verdicts, RolloutClockOptions clock, DateTimeOffset now)
    {
        var seconds = (long)offset.TotalSeconds;
        var label = PlanDuration.Format(offset);
        var record = phase.StartedAt is { } started
            ? verdicts.FirstOrDefault(v => v.PhaseIndex == phase.Index && v.CheckpointOffsetSeconds == seconds && v.PhaseStartedAt == started)
            : null;
        if (record is not null)
        {
            return new TimelineChip(
                phase.Index, offset, label, Enum.Parse<Verdict>(record.OverallVerdict), record.DueAt,
                clock.LateBy(record.DueAt, record.EvaluatedAt) is not null, IsSkipped: false,
                CheckpointRoutes.Page(rolloutId, phase.Index, seconds));
        }

        var due = phase.StartedAt + clock.Scale(offset);
        var ended = phase.EndedAt is not null;
        var overdue = !ended && due is { } at && now - clock.EvaluateAt(at) >= RolloutClockOptions.LateAfter;
        return new TimelineChip(phase.Index, offset, label, null, due, overdue, IsSkipped: ended, Href: null);
    }
}
