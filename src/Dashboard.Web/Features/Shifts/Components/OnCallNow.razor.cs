using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Shifts.Components;

/// <summary>
/// The operations primary and secondary on call now and on the next shift, re-read when the roster or a handoff is
/// saved and when the shift changes. On a screen (<see cref="Screen"/>) it also flags a handoff nobody acknowledged.
/// </summary>
public sealed partial class OnCallNow : IDisposable
{
    private LiveReload<ShiftChanged>? _live;
    private ITimer? _shiftChange;
    private OnCallView? _onCall;

    [Inject]
    public required ShiftService Shifts { get; init; }

    [Inject]
    public required ShiftFeed Feed { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>True on /warroom: larger, with the overdue-handoff flag.</summary>
    [Parameter]
    public bool Screen { get; set; }

    protected override void OnInitialized() =>
        _live = new(Feed, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnInitializedAsync() => _live!.ReloadAsync();

    internal static string Names(ShiftRoster roster) =>
        roster.Primary is null ? "nobody rostered"
        : roster.Secondary is null ? roster.Primary.DisplayName
        : $"{roster.Primary.DisplayName} + {roster.Secondary.DisplayName}";

    private async Task LoadAsync()
    {
        _onCall = await Shifts.OnCallAsync();

        // The shift changes by the clock, not by a save: re-read then. (The overdue flag is saved, so it comes on the feed.)
        var wait = _onCall.Current.End - TimeProvider.GetUtcNow() + TimeSpan.FromMilliseconds(1);
        _shiftChange?.Dispose();
        _shiftChange = TimeProvider.CreateTimer(_ => _ = InvokeAsync(ReloadAndRenderAsync), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task ReloadAndRenderAsync()
    {
        await _live!.ReloadAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _live?.Dispose();
        _shiftChange?.Dispose();
    }
}
