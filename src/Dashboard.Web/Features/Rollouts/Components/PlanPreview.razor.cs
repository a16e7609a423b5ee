using Dashboard.Core.Plans;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>What a plan will do, phase by phase — weight, how long, when it is checked and how it moves on — shown before anyone starts it.</summary>
public sealed partial class PlanPreview
{
    /// <summary>The plan to show; nothing is shown while it is null.</summary>
    [Parameter]
    public RolloutPlan? Plan { get; set; }

    private static string Duration(TimeSpan duration) => PlanDuration.Format(duration);

    private static string Checkpoints(PlanPhase phase) =>
        phase.Checkpoints.Count == 0 ? "none" : "at " + string.Join(", ", phase.Checkpoints.Select(PlanDuration.Format));

    private static string Gate(PlanPhase phase) => phase.Gate.Kind == GateKind.SignOff
        ? "GO from " + string.Join(", ", phase.Gate.RequiredRoles.Select(role => Vocabulary.Role(role).ToLowerInvariant()))
        : "advances by itself when its checkpoints pass";
}
