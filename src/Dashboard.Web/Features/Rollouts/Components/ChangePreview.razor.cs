using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>The "what changes, from → to" table of a confirmation dialog.</summary>
public sealed partial class ChangePreview
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<ChangeLine> Lines { get; set; }
}
