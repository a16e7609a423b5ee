using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Reasons.Components;

/// <summary>
/// The first thing on the rollout page: the state, why (<see cref="RolloutReasons"/>), the current and the
/// router-confirmed weight, and the phase's planned weight beside the actual one when they differ.
/// </summary>
public sealed partial class RolloutStateCard
{
    /// <summary>The rollout shown.</summary>
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>Why it is held, waits, ended; null while it runs as planned.</summary>
    [Parameter]
    public RolloutReason? Reason { get; set; }

    private PhaseView Phase => Rollout.Phases[Rollout.CurrentPhaseIndex];

    private bool AsPlanned => Phase.TrafficPercent == Rollout.RequestedWeightPercent;

    private string StateLine => Rollout.Status switch
    {
        RolloutStatus.NotStarted => $"Not started: phase 1 of {Rollout.Phases.Count}, '{Phase.Name}', starts at {Phase.TrafficPercent} %.",
        RolloutStatus.RolledBack or RolloutStatus.Aborted or RolloutStatus.Completed =>
            $"The rollout is {Vocabulary.State(Rollout.Status)} (in phase {Rollout.CurrentPhaseIndex + 1} of {Rollout.Phases.Count}, '{Phase.Name}'); nothing can change it any more.",
        _ => $"Phase {Rollout.CurrentPhaseIndex + 1} of {Rollout.Phases.Count}, '{Phase.Name}', is {Vocabulary.State(Rollout.CurrentState)}.",
    };

    private string PlannedText => AsPlanned
        ? $"As planned: phase '{Phase.Name}' plans {Phase.TrafficPercent} %."
        : $"Not as planned: phase '{Phase.Name}' plans {Phase.TrafficPercent} %, the rollout is at {Rollout.RequestedWeightPercent} %.";
}
