using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>The decisions recorded on a checkpoint, newest first; the newest counts, earlier ones are marked superseded.</summary>
public sealed partial class DecisionHistory
{
    /// <summary>The decisions, oldest first, as stored.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<CheckpointDecisionView> Decisions { get; set; }
}
