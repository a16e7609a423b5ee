using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>How the rollout page names actions for people; states, sources and roles are named by <see cref="Shared.Components.Vocabulary"/>.</summary>
public static class ActionLabels
{
    /// <summary>The actions a person takes on the rollout page, in the order of the action bar.</summary>
    public static IReadOnlyList<RolloutAction> PeopleActions { get; } =
    [
        RolloutAction.Start, RolloutAction.Advance, RolloutAction.Hold, RolloutAction.Resume, RolloutAction.RetryPhase,
        RolloutAction.ChangeTraffic, RolloutAction.RollBack, RolloutAction.Abort,
    ];

    public static string Label(RolloutAction action) => action switch
    {
        RolloutAction.Start => "Start",
        RolloutAction.Advance => "Advance",
        RolloutAction.Hold => "Hold",
        RolloutAction.Resume => "Resume",
        RolloutAction.RetryPhase => "Retry phase",
        RolloutAction.ChangeTraffic => "Change traffic",
        RolloutAction.RollBack => "Roll back",
        RolloutAction.Abort => "Abort",
        RolloutAction.RequestSignOff => "Request sign-off",
        RolloutAction.MarkPassed => "Mark passed",
        _ => action.ToString(),
    };

    /// <summary>The <c>data-testid</c> suffix of an action's button, e.g. "change-traffic".</summary>
    public static string Key(RolloutAction action) => Label(action).ToLowerInvariant().Replace(" ", "-", StringComparison.Ordinal);

    /// <summary>What the action does, for its tooltip when it is allowed.</summary>
    public static string Purpose(RolloutAction action) => action switch
    {
        RolloutAction.Start => "Start the first phase at its planned weight.",
        RolloutAction.Advance => "Complete this phase and start the next at its planned weight.",
        RolloutAction.Hold => "Pause the phase; the weight stays where it is.",
        RolloutAction.Resume => "Resume the held phase.",
        RolloutAction.RetryPhase => "Run the held phase again from its start; its checkpoints count from now.",
        RolloutAction.ChangeTraffic => "Set the canary's share of traffic in this phase.",
        RolloutAction.RollBack => "Take the candidate out of traffic (0 %) and end the rollout.",
        RolloutAction.Abort => "Abandon the rollout; the candidate leaves traffic (0 %).",
        _ => Label(action),
    };
}
