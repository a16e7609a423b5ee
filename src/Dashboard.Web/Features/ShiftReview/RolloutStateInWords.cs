using Dashboard.Core.History;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>A rollout's state at one moment as the summary says it, from Core's rebuild of the audit log (<see cref="BoardStateRebuild"/>).</summary>
/// <param name="Phase">The phase it was in, or null before it started.</param>
/// <param name="State">Its state in words: "running", "held", "awaiting sign-off", "rolled back" …</param>
/// <param name="CanaryPercent">The canary weight it had asked for.</param>
/// <param name="Since">When the latest event that set its state was written.</param>
/// <param name="IsFinished">True once it completed, was aborted or rolled back: nothing more will happen to it.</param>
public sealed record RolloutStateInWords(string? Phase, string State, int CanaryPercent, DateTimeOffset Since, bool IsFinished)
{
    public static RolloutStateInWords From(RolloutStateAt state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.StartedAt is null
            ? new(null, Vocabulary.State(RolloutStatus.NotStarted), state.RequestedPercent, state.StateSince, state.IsFinished)
            : new(state.Phase.Name, Vocabulary.State(state.PhaseState), state.RequestedPercent, state.StateSince, state.IsFinished);
    }
}
