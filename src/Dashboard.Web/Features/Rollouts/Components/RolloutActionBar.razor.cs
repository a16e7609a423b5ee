using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Components;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The people's actions that <see cref="Actor"/>'s roles allow (<see cref="AccessRules"/>); the
/// others are left out and a line says why. Each shown action is enabled only when the rollout allows it
/// now; a disabled one says why in its tooltip, and the line below names what is possible in the current state.
/// </summary>
public sealed partial class RolloutActionBar
{
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>Who looks at the page: decides which actions are offered at all. The server checks again.</summary>
    [Parameter, EditorRequired]
    public required Actor Actor { get; set; }

    /// <summary>True while an action runs: every button waits.</summary>
    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<RolloutAction> OnAction { get; set; }

    private IReadOnlyList<RolloutAction> _offered = [];

    protected override void OnParametersSet() =>
        _offered = [.. ActionLabels.PeopleActions.Where(action => AccessRules.Allows(Actor, RolloutOperations.For(action)))];

    private string Explanation
    {
        get
        {
            if (ActionAvailability.IsFinished(Rollout))
            {
                return $"The rollout is {Vocabulary.State(Rollout.Status)}; nothing can change it any more.";
            }

            var state = $"Phase '{Rollout.CurrentPhase}' is {Vocabulary.State(Rollout.CurrentState)}.";
            if (_offered.Count == 0)
            {
                return state;
            }

            var possible = ActionAvailability.PossibleNow(Rollout, _offered);
            return possible.Count == 0
                ? $"{state} It waits for automation or sign-off; no action is possible from here."
                : $"{state} Possible now: {string.Join(", ", possible.Select(ActionLabels.Label))}.";
        }
    }

    /// <summary>Why some or all actions are missing; null when every action is offered or nothing can change any more.</summary>
    private string? AccessLine
    {
        get
        {
            if (ActionAvailability.IsFinished(Rollout) || _offered.Count == ActionLabels.PeopleActions.Count)
            {
                return null;
            }

            return _offered.Count == 0
                ? AccessText.Refused(Actor, "you can watch but not change this rollout")
                : AccessText.Withheld(Actor, [.. ActionLabels.PeopleActions.Except(_offered).Select(a => (ActionLabels.Label(a), RolloutOperations.For(a)))]);
        }
    }

    private static Color ColorOf(RolloutAction action) => action switch
    {
        RolloutAction.RollBack or RolloutAction.Abort => Color.Error,
        RolloutAction.Hold => Color.Warning,
        _ => Color.Primary,
    };
}
