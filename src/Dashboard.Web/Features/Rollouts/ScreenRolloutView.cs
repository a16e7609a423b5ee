using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// A rollout as <c>/warroom</c> shows it, for kiosk screens on <c>/hubs/live</c>: what rolls out, where it stands and
/// its phases. Who created, started or changed it, with what reason, the router's errors and the actions a member may
/// take are for people's pages only (docs/security.md, "Live hub").
/// </summary>
public sealed record ScreenRolloutView(
    Guid Id,
    string Service,
    string CandidateVersion,
    RolloutStatus Status,
    int CurrentPhaseIndex,
    string CurrentPhase,
    PhaseState CurrentState,
    int RequestedWeightPercent,
    IReadOnlyList<PhaseView> Phases,
    int Version)
{
    public static ScreenRolloutView From(RolloutView rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return new(
            rollout.Id, rollout.Service, rollout.CandidateVersion, rollout.Status, rollout.CurrentPhaseIndex, rollout.CurrentPhase,
            rollout.CurrentState, rollout.RequestedWeightPercent, rollout.Phases, rollout.Version);
    }
}
