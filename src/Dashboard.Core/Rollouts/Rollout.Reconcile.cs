using Dashboard.Core.Rollouts.Events;
using Dashboard.Core.Routing;

namespace Dashboard.Core.Rollouts;

// Reconciling: the router runs a split the rollout did not record (someone changed it by hand, the
// router restarted). The recorded decision wins and is re-applied; adopting the router's split
// instead is an ordinary traffic change, made by a person in a running phase.
public sealed partial class Rollout
{
    /// <summary>
    /// Asks for the recorded <see cref="CanaryWeightPercent"/> again because the router was seen at
    /// <paramref name="observed"/> (null: the router could not be read). Allowed in any phase state once
    /// the rollout has started, and leaves the phase state alone; refused when the rollout never started
    /// or the router already runs the recorded weight.
    /// </summary>
    public RolloutResult ReconcileTraffic(TrafficWeights? observed, string actor, string reason, DateTimeOffset at)
    {
        if (StartedAt is null)
        {
            return RolloutResult.Rejected(new ReconcileRefused($"rollout {Id} has not started, so it has no recorded weight to re-apply"));
        }

        if (observed is not null && observed.IsExactly(CanaryWeightPercent))
        {
            return RolloutResult.Rejected(new ReconcileRefused($"nothing to reconcile: the router runs {observed}, which is the recorded {CanaryWeightPercent} %"));
        }

        if ((Blank(actor, "actor") ?? Blank(reason, "reason")) is { } invalid)
        {
            return RolloutResult.Rejected(invalid);
        }

        var by = actor.Trim();
        var why = reason.Trim();

        // The change starts from what the router runs; unread, the best record of that is the recorded weight.
        var from = observed is null ? CanaryWeightPercent : (int)Math.Round(observed.CanaryPercent, MidpointRounding.AwayFromZero);
        Version++;
        return RolloutResult.Accepted(
        [
            new TrafficReconciled(
                Id, CurrentPhaseIndex, at, by, why, observed?.CanaryWeight, observed?.BaselineWeight, observed?.CanaryPercent, CanaryWeightPercent),
            new TrafficChangeRequested(Id, CurrentPhaseIndex, at, by, why, from, CanaryWeightPercent),
        ]);
    }
}
