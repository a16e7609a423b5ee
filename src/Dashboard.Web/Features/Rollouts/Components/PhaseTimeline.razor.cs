using Dashboard.Core.Rollouts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>The plan's phases left to right, the current one highlighted, each with its planned weight (and the actual one when they differ), length and state.</summary>
public sealed partial class PhaseTimeline
{
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>"1 % planned" — and for the current phase "· now 10 %" when the rollout runs another weight.</summary>
    private string WeightText(PhaseView phase, bool isCurrent) =>
        isCurrent && phase.StartedAt is not null && Rollout.RequestedWeightPercent != phase.TrafficPercent
            ? $"{phase.TrafficPercent} % planned · now {Rollout.RequestedWeightPercent} %"
            : $"{phase.TrafficPercent} % planned";

    private static Color ChipColor(PhaseState state) => state switch
    {
        PhaseState.Running => Color.Info,
        PhaseState.Passed or PhaseState.Completed => Color.Success,
        PhaseState.AwaitingSignOff or PhaseState.Held => Color.Warning,
        PhaseState.RolledBack or PhaseState.Aborted => Color.Error,
        _ => Color.Default,
    };
}
