using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>The authorization vocabulary for the state machine's actions.</summary>
public static class RolloutOperations
{
    public static RolloutOperation For(RolloutAction action) => action switch
    {
        RolloutAction.Start => RolloutOperation.Start,
        RolloutAction.Advance => RolloutOperation.Advance,
        RolloutAction.Hold => RolloutOperation.Hold,
        RolloutAction.Resume => RolloutOperation.Resume,
        RolloutAction.ChangeTraffic => RolloutOperation.ChangeTraffic,
        RolloutAction.RollBack => RolloutOperation.RollBack,
        RolloutAction.Abort => RolloutOperation.Abort,
        RolloutAction.RetryPhase => RolloutOperation.RetryPhase,
        RolloutAction.RequestSignOff => RolloutOperation.RequestSignOff,
        RolloutAction.MarkPassed => RolloutOperation.MarkPassed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown rollout action."),
    };
}
