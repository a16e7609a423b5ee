using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Writes one executive summary of a phase run over [its start, <c>periodEnd</c>): status and verdict, the
/// criteria and revenue impact, incidents and decisions, the traffic timeline and what happens next.
/// Reads only; storing is <see cref="SummaryRunner"/>'s.
/// </summary>
public sealed class SummaryGenerator(SummaryCriteriaReader criteria, SummaryHistory history, IOptions<RolloutClockOptions> clock, TimeProvider timeProvider)
{
    public async Task<ExecutiveSummary> GenerateAsync(
        Rollout rollout, int phaseIndex, DateTimeOffset start, SummaryMilestone milestone, DateTimeOffset periodEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(milestone);
        var options = clock.Value;
        var phase = rollout.Plan.Phases[phaseIndex];
        var measured = await criteria.ReadAsync(rollout.Id, phaseIndex, phase, start, periodEnd, cancellationToken);
        var events = await history.ReadAsync(rollout.Id, phaseIndex, start, periodEnd, cancellationToken);
        var plannedElapsed = (periodEnd - start) * options.TimeScale;
        var generatedAt = timeProvider.GetUtcNow();
        return new ExecutiveSummary(
            Guid.NewGuid(),
            rollout.Id,
            rollout.Service,
            rollout.BaselineVersion,
            rollout.CandidateVersion,
            rollout.Plan.Name,
            phaseIndex,
            phase.Name,
            phase.TrafficPercent,
            milestone.Key,
            milestone.Title(phase.Name),
            start,
            periodEnd,
            plannedElapsed,
            options.TimeScale,
            generatedAt,
            options.LateBy(periodEnd, generatedAt),
            SummaryStatusWriter.Write(rollout, phaseIndex, plannedElapsed, measured, events.Incidents.Count(i => i.OpenAtEnd)),
            measured.Criteria,
            measured.Revenue,
            events.Incidents,
            events.Decisions,
            events.Traffic,
            SummaryNextSteps.Write(rollout, phaseIndex, periodEnd, options));
    }
}
