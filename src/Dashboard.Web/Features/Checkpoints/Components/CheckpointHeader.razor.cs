using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The head of a checkpoint page: rollout, phase and checkpoint; due, evaluated and how late; the
/// windows judged; the overall verdict and the rubric's suggested decision with its reason.
/// </summary>
public sealed partial class CheckpointHeader
{
    /// <summary>The evaluated checkpoint.</summary>
    [Parameter, EditorRequired]
    public required CheckpointDetail Detail { get; set; }
}
