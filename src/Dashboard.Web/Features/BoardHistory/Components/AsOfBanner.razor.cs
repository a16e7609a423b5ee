using System.Globalization;
using Dashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>
/// Says that a board shows a past moment and is not live, with a time picker for another moment and a way back
/// to the live board (docs/board-history.md). The picker takes UTC, as the address does.
/// </summary>
public sealed partial class AsOfBanner
{
    private const string PickerFormat = "yyyy-MM-ddTHH:mm:ss";

    private string? _typed;
    private string? _problem;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>The moment shown; null when the address named none that can be shown.</summary>
    [Parameter]
    public DateTimeOffset? At { get; set; }

    /// <summary>Why the address's moment cannot be shown, or null.</summary>
    [Parameter]
    public string? Problem { get; set; }

    /// <summary>Whose thresholds the board judges by then, e.g. "Following then: analyzer 1.5.0 — canary 1 %".</summary>
    [Parameter]
    public string? Description { get; set; }

    // A moment typed in the picker that cannot be shown says so first; otherwise the address's.
    private string? ShownProblem => _problem ?? Problem;

    private string LiveHref => Navigation.GetUriWithQueryParameter("at", (string?)null);

    protected override void OnParametersSet() =>
        _typed = At?.UtcDateTime.ToString(PickerFormat, CultureInfo.InvariantCulture) ?? _typed;

    private void Type(ChangeEventArgs change)
    {
        _typed = change.Value?.ToString();
        _problem = null;
    }

    private void ShowAsync()
    {
        // The browser's picker leaves the seconds out when they are zero.
        var text = _typed?.Trim() is { Length: 16 } minutes ? minutes + ":00" : _typed?.Trim();
        _problem = SnapshotMoment.Check(string.IsNullOrEmpty(text) ? text : text + "Z", Clock.GetUtcNow(), out var at);
        if (_problem is null)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("at", at.UtcDateTime.ToString(PickerFormat + "'Z'", CultureInfo.InvariantCulture)));
        }
    }
}
