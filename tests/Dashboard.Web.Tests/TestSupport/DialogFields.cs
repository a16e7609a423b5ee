using AngleSharp.Dom;
using MudBlazor;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Finds the fields of an open MudBlazor dialog.</summary>
internal static class DialogFields
{
    /// <summary>The input or textarea behind a field's test id, wherever MudBlazor puts the attribute.</summary>
    public static IElement Field(IRenderedComponent<MudDialogProvider> provider, string testId)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var marked = provider.Find($"[data-testid={testId}]");
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }
}
