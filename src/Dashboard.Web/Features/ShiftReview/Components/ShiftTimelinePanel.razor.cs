using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// Everything that happened in [<see cref="From"/>, <see cref="To"/>) across every rollout, newest first, near-misses
/// marked, each entry linked to its page and to the board at that moment. The window is read once; the rollout and
/// kind filters work on what was read. Re-read after every saved change of any rollout.
/// </summary>
public sealed partial class ShiftTimelinePanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<TimelineEntry> _entries = [];
    private IReadOnlyList<(Guid Id, string Name)> _rollouts = [];
    private (DateTimeOffset, DateTimeOffset)? _loadedFor;
    private Guid? _rollout;
    private TimelineKind? _kind;
    private int _page;

    [Inject]
    public required ShiftTimelineService Timeline { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    /// <summary>The window's start, included.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset From { get; set; }

    /// <summary>The window's end, excluded.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset To { get; set; }

    private bool Filtered => _rollout is not null || _kind is not null;

    private IReadOnlyList<TimelineEntry> Shown =>
        [.. _entries.Where(e => (_rollout is null || e.RolloutId == _rollout) && (_kind is null || e.Kind == _kind))];

    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _loadedFor == (From, To) ? Task.CompletedTask : _live!.ReloadAsync();

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        var window = (From, To);
        _entries = await Timeline.ReadAsync(From, To);
        _rollouts = [.. _entries.Where(e => e.RolloutId is not null).Select(e => (e.RolloutId!.Value, e.Rollout)).Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal)];
        _page = _loadedFor == window ? Math.Min(_page, Math.Max(0, (Shown.Count - 1) / Shared.Components.HistoryPager.DefaultPageSize)) : 0;
        _loadedFor = window;
    }

    private Task FilterRolloutAsync(Guid? rollout)
    {
        _rollout = rollout;
        _page = 0;
        return Task.CompletedTask;
    }

    private Task FilterKindAsync(TimelineKind? kind)
    {
        _kind = kind;
        _page = 0;
        return Task.CompletedTask;
    }
}
