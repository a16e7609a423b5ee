using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Why an action cannot be taken now, in words for the person looking at a disabled button. The
/// answer comes from the rollout's own <see cref="RolloutView.AllowedActions"/> — the same table
/// the server enforces — so the page never offers what the server would refuse.
/// </summary>
public static class ActionAvailability
{
    /// <summary>Null when <paramref name="action"/> is allowed now, otherwise one sentence saying why not.</summary>
    /// <param name="rollout">The rollout as the page shows it.</param>
    /// <param name="action">The action asked about.</param>
    /// <param name="offered">The actions the page offers this person (their roles); "possible now" names only these. All people's actions when null.</param>
    public static string? WhyNot(RolloutView rollout, RolloutAction action, IReadOnlyCollection<RolloutAction>? offered = null)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (IsAllowed(rollout, action))
        {
            return null;
        }

        if (IsFinished(rollout))
        {
            return $"The rollout is {Vocabulary.State(rollout.Status)}; nothing can change it any more.";
        }

        var possible = PossibleNow(rollout, offered);
        return $"{ActionLabels.Label(action)} is not possible while phase '{rollout.CurrentPhase}' is {Vocabulary.State(rollout.CurrentState)}."
            + (possible.Count == 0 ? string.Empty : $" Possible now: {string.Join(", ", possible.Select(ActionLabels.Label))}.");
    }

    public static bool IsAllowed(RolloutView rollout, RolloutAction action)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.AllowedActions.Contains(action);
    }

    /// <summary>The people's actions allowed now, in action-bar order; only those in <paramref name="offered"/> when given.</summary>
    public static IReadOnlyList<RolloutAction> PossibleNow(RolloutView rollout, IReadOnlyCollection<RolloutAction>? offered = null) =>
        [.. ActionLabels.PeopleActions.Where(action => IsAllowed(rollout, action) && (offered is null || offered.Contains(action)))];

    public static bool IsFinished(RolloutView rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.Status is RolloutStatus.Completed or RolloutStatus.RolledBack or RolloutStatus.Aborted;
    }
}
