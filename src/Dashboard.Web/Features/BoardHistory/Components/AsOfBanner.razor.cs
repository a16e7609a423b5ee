using System.Globalization;
using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>
/// Says that a board shows a past moment and is not live, with a time picker for another moment and a way back
/// to the live board (docs/board-history.md). The picker takes and shows the time in the zone the viewer reads
/// times in (<see cref="ITimeDisplaySource"/>: their local zone when they chose it, else UTC), names that zone,
/// and links to the UTC moment.
/// </summary>
public sealed partial class AsOfBanner : IDisposable
{
    private TimeDisplay _display = TimeDisplay.UtcOnly;
    private string? _typed;
    private string? _problem;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ITimeDisplaySource Display { get; init; }

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

    protected override async Task OnInitializedAsync()
    {
        Display.Changed += OnDisplayChanged;
        _display = await Display.ReadAsync();
    }

    protected override void OnParametersSet() =>
        _typed = At is { } at ? PickedMoment.Field(at, _display.LocalZone) : _typed;

    private void Type(ChangeEventArgs change)
    {
        _typed = change.Value?.ToString();
        _problem = null;
    }

    private void Show()
    {
        _problem = PickedMoment.Read(_typed, _display.LocalZone, Clock.GetUtcNow(), out var at);
        if (_problem is null)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("at", at.UtcDateTime.ToString(PickedMoment.FieldFormat + "'Z'", CultureInfo.InvariantCulture)));
        }
    }

    // The viewer switched local time on or off: the field follows, showing the same moment in the new zone.
    private void OnDisplayChanged(TimeDisplay display) => _ = InvokeAsync(() =>
    {
        _display = display;
        _typed = At is { } at ? PickedMoment.Field(at, display.LocalZone) : null;
        _problem = null;
        StateHasChanged();
    });

    public void Dispose() => Display.Changed -= OnDisplayChanged;
}
