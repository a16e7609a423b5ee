using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>The authorization vocabulary for the state machine's actions.</summary>
public static class RolloutOperations
{
    public static Operation For(RolloutAction action) => action switch
    {
        RolloutAction.Start => Operation.Start,
        RolloutAction.Advance => Operation.Advance,
        RolloutAction.Hold => Operation.Hold,
        RolloutAction.Resume => Operation.Resume,
        RolloutAction.ChangeTraffic => Operation.ChangeTraffic,
        RolloutAction.RollBack => Operation.RollBack,
        RolloutAction.Abort => Operation.Abort,
        RolloutAction.RetryPhase => Operation.RetryPhase,
        RolloutAction.RequestSignOff => Operation.RequestSignOff,
        RolloutAction.MarkPassed => Operation.MarkPassed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown rollout action."),
    };
}
