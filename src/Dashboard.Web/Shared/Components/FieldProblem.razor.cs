using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Components;

/// <summary>What is wrong with a plain (non-MudBlazor) field, in words, right under it; nothing when it is fine.</summary>
public sealed partial class FieldProblem
{
    /// <summary>The problem; null shows nothing.</summary>
    [Parameter]
    public string? Text { get; set; }
}
