using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// Everything that happened in [<see cref="ReviewWindowPanel.From"/>, <see cref="ReviewWindowPanel.To"/>) across every rollout, newest first, near-misses
/// marked, each entry linked to its page and to the board at that moment. The window is read once; the rollout and
/// kind filters work on what was read. Re-read after every saved change of any rollout.
/// </summary>
public sealed partial class ShiftTimelinePanel
{
    private IReadOnlyList<TimelineEntry> _entries = [];
    private IReadOnlyList<(Guid Id, string Name)> _rollouts = [];
    private Guid? _rollout;
    private TimelineKind? _kind;
    private int _page;

    [Inject]
    public required ShiftTimelineService Timeline { get; init; }

    private bool Filtered => _rollout is not null || _kind is not null;

    private IReadOnlyList<TimelineEntry> Shown =>
        [.. _entries.Where(e => (_rollout is null || e.RolloutId == _rollout) && (_kind is null || e.Kind == _kind))];

    // A re-read of the same window keeps the page (or the last one left); a new window starts at the first.
    protected override async Task LoadAsync(DateTimeOffset from, DateTimeOffset to, bool again)
    {
        _entries = await Timeline.ReadAsync(from, to);
        _rollouts = [.. _entries.Where(e => e.RolloutId is not null).Select(e => (e.RolloutId!.Value, e.Rollout)).Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal)];
        _page = again ? Math.Min(_page, Math.Max(0, (Shown.Count - 1) / Shared.Components.HistoryPager.DefaultPageSize)) : 0;
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
