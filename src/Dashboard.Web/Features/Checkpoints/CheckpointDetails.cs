using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Finds one evaluated checkpoint by rollout, phase index and plan offset (seconds). When a phase ran
/// more than once (retried) the latest run's verdict is the one meant.
/// </summary>
public sealed class CheckpointDetails(RolloutService rollouts, CheckpointVerdictStore verdicts, CheckpointDecisionStore decisions, IOptions<RolloutClockOptions> clock)
{
    /// <summary>Null when the rollout does not exist or that checkpoint has no verdict yet.</summary>
    public async Task<CheckpointDetail?> FindAsync(Guid rolloutId, int phaseIndex, long offsetSeconds, CancellationToken cancellationToken = default)
    {
        if (await rollouts.FindDetailAsync(rolloutId, cancellationToken) is not { } detail)
        {
            return null;
        }

        var record = (await verdicts.ListAsync(rolloutId, cancellationToken))
            .Where(v => v.PhaseIndex == phaseIndex && v.CheckpointOffsetSeconds == offsetSeconds)
            .MaxBy(v => v.PhaseStartedAt);
        if (record is null)
        {
            return null;
        }

        var recorded = await decisions.ListAsync(record.Id, cancellationToken);
        return new CheckpointDetail(
            detail.Rollout, detail.Plan, CheckpointVerdictView.From(record, clock.Value), record.Id, CheckpointVerdictStore.Read(record),
            [.. recorded.Select(CheckpointDecisionView.From)]);
    }
}
