using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Components;

/// <summary>The short line shown where buttons are absent because the signed-in person's roles do not allow them.</summary>
public sealed partial class AccessNote
{
    /// <summary>The sentence, usually from <see cref="AccessText"/>.</summary>
    [Parameter, EditorRequired]
    public required string Text { get; set; }
}
