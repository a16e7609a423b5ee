using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// The one place that says what a checkpoint's evaluation is asked: the plan's phase, its window at
/// the configured time scale, the previous checkpoint of the same phase run (for trends) and the incident
/// log (for "zero critical incidents"). The
/// scheduled run and a person's re-run both ask through here, so they cannot drift apart.
/// </summary>
public sealed class CheckpointRequestBuilder(CheckpointVerdictStore verdicts, IIncidentCounts incidents, IOptions<RolloutClockOptions> clock)
{
    public async Task<CheckpointEvaluationRequest> BuildAsync(
        Guid rolloutId, RolloutPlan plan, int phaseIndex, DateTimeOffset phaseStartedAt, TimeSpan offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var phase = plan.Phases[phaseIndex];
        var earlier = (await verdicts.ListAsync(rolloutId, cancellationToken))
            .Where(v => v.PhaseIndex == phaseIndex && v.PhaseStartedAt == phaseStartedAt && v.CheckpointOffsetSeconds < (long)offset.TotalSeconds)
            .ToList();
        var previous = earlier.Count == 0 ? null : CheckpointVerdictStore.Read(earlier[^1]);
        var window = CheckpointWindow.For(phase, phaseStartedAt, offset, clock.Value.TimeScale);
        return new CheckpointEvaluationRequest(rolloutId.ToString(), phaseIndex, phase, offset, window, previous, incidents);
    }
}
