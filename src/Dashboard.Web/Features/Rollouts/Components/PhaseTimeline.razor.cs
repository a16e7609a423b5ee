using Dashboard.Core.Rollouts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>The plan's phases left to right, the current one highlighted, each with its weight, length and state.</summary>
public sealed partial class PhaseTimeline
{
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    private static Color ChipColor(string state) => state switch
    {
        nameof(PhaseState.Running) => Color.Info,
        nameof(PhaseState.Passed) or nameof(PhaseState.Completed) => Color.Success,
        nameof(PhaseState.AwaitingSignOff) or nameof(PhaseState.Held) => Color.Warning,
        nameof(PhaseState.RolledBack) or nameof(PhaseState.Aborted) => Color.Error,
        _ => Color.Default,
    };
}
