using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// What the handoff review's panels of one window [<see cref="From"/>, <see cref="To"/>) share: the two parameters, a
/// read when they change, and a re-read after every saved change of any rollout (through <see cref="LiveReload{TChange}"/>,
/// so reads never overlap and a burst of changes costs at most two).
/// </summary>
public abstract class ReviewWindowPanel : ComponentBase, IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private (DateTimeOffset, DateTimeOffset)? _loadedFor;

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    /// <summary>The window's start, included.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset From { get; set; }

    /// <summary>The window's end, excluded.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset To { get; set; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, ReadWindowAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _loadedFor == (From, To) ? Task.CompletedTask : _live!.ReloadAsync();

    /// <summary>Reads the window; <paramref name="again"/> is true when it re-reads the window already shown (after a change).</summary>
    protected abstract Task LoadAsync(DateTimeOffset from, DateTimeOffset to, bool again);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _live?.Dispose();
        }
    }

    private async Task ReadWindowAsync()
    {
        var window = (From, To);
        await LoadAsync(From, To, _loadedFor == window);
        _loadedFor = window;
    }
}
