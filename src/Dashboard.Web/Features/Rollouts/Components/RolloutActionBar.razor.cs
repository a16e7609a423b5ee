using Dashboard.Core.Rollouts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The people's actions. Each is enabled only when the rollout allows it now; a disabled one says
/// why in its tooltip, and the line below names what is possible in the current state.
/// </summary>
public sealed partial class RolloutActionBar
{
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>True while an action runs: every button waits.</summary>
    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<RolloutAction> OnAction { get; set; }

    private string Explanation
    {
        get
        {
            if (ActionAvailability.IsFinished(Rollout))
            {
                return $"The rollout is {ActionLabels.State(Rollout.Status)}; nothing can change it any more.";
            }

            var possible = ActionAvailability.PossibleNow(Rollout);
            var state = $"Phase '{Rollout.CurrentPhase}' is {ActionLabels.State(Rollout.CurrentState)}.";
            return possible.Count == 0
                ? $"{state} It waits for automation or sign-off; no action is possible from here."
                : $"{state} Possible now: {string.Join(", ", possible.Select(ActionLabels.Label))}.";
        }
    }

    private static Color ColorOf(RolloutAction action) => action switch
    {
        RolloutAction.RollBack or RolloutAction.Abort => Color.Error,
        RolloutAction.Hold => Color.Warning,
        _ => Color.Primary,
    };
}
