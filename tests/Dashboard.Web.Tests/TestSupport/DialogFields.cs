using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Finds the fields of an open MudBlazor dialog.</summary>
internal static class DialogFields
{
    /// <summary>The error MudBlazor shows under a field (its helper line in error colour); null when the field shows none.</summary>
    public static string? FieldError(IRenderedComponent<IComponent> rendered, string testId)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var control = rendered.Find($"[data-testid={testId}]").Closest(".mud-input-control");
        // The helper line holds the message first and, for a field with a counter, "n / max" after it.
        var helper = control?.QuerySelector(".mud-input-helper-text.mud-input-error");
        return (helper?.QuerySelector(".me-auto") ?? helper)?.TextContent.Trim() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The helper line under a field, error or not.</summary>
    public static string HelperText(IRenderedComponent<IComponent> rendered, string testId)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var control = rendered.Find($"[data-testid={testId}]").Closest(".mud-input-control");
        var helper = control?.QuerySelector(".mud-input-helper-text");
        return (helper?.QuerySelector(".me-auto") ?? helper)?.TextContent.Trim() ?? string.Empty;
    }

    /// <summary>The input or textarea behind a field's test id, wherever MudBlazor puts the attribute.</summary>
    public static IElement Field(IRenderedComponent<IComponent> provider, string testId)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var marked = provider.Find($"[data-testid={testId}]");
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }
}
