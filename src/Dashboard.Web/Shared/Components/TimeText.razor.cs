using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// One moment as every page writes it (<see cref="UtcTime"/>): UTC to the second with "UTC", and the viewer's
/// local time beside it when they asked for it in the user menu. Follows a change of that setting at once.
/// </summary>
public sealed partial class TimeText : IDisposable
{
    private TimeDisplay _display = TimeDisplay.UtcOnly;

    [Inject]
    public required ITimeDisplaySource Display { get; init; }

    /// <summary>The moment.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset At { get; set; }

    /// <summary>With the date ("Dec 6 17:06:02 UTC") or the time alone ("17:06:02 UTC").</summary>
    [Parameter]
    public bool WithDate { get; set; } = true;

    private string UtcText => WithDate ? UtcTime.Stamp(At) : UtcTime.Clock(At);

    private string? LocalText => _display.Local(At, TimePattern.Seconds);

    protected override async Task OnInitializedAsync()
    {
        Display.Changed += OnChanged;
        _display = await Display.ReadAsync();
    }

    private void OnChanged(TimeDisplay display) => _ = InvokeAsync(() =>
    {
        _display = display;
        StateHasChanged();
    });

    public void Dispose() => Display.Changed -= OnChanged;
}
