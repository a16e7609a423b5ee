using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// One shift (<c>/shifts/{id}</c>, <c>/shifts/current</c>, <c>/shifts/previous</c>): its window, who is on, links to
/// the shifts before and after, and its handoff record first; then what happened (summary, timeline with its
/// near-misses) and what the next shift must watch (docs/shift-review.md). The handoff's "risks to watch" is
/// drafted from watch-next while the handoff is open. Re-read whenever the roster or a handoff is saved; the
/// review panels follow the rollouts themselves.
/// </summary>
public sealed partial class ShiftPage : IDisposable
{
    private LiveReload<ShiftChanged>? _live;
    private ShiftView? _shift;
    private ShiftWindow? _next;
    private string? _draft;
    private string? _problem;

    [Inject]
    public required ShiftService Shifts { get; init; }

    [Inject]
    public required ShiftFeed Feed { get; init; }

    [Inject]
    public required ShiftCalendar Calendar { get; init; }

    [Inject]
    public required WatchNextService WatchNext { get; init; }

    /// <summary>The shift's id (its start in UTC as yyyyMMdd-HHmm), or current, previous, next.</summary>
    [Parameter]
    public required string Id { get; set; }

    protected override void OnInitialized() =>
        _live = new(Feed, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _live!.ReloadAsync();

    private async Task LoadAsync()
    {
        var outcome = await Shifts.GetAsync(Id);
        _shift = outcome.Value;
        _next = _shift is { } shift ? Calendar.Next(shift.Window) : null;
        _draft = _shift is { Handoff.State: HandoffState.Open } && _next is { } next
            ? string.Join(Environment.NewLine, WatchNextText.Lines(await WatchNext.ReadAsync(next)))
            : null;
        _problem = outcome.Kind switch
        {
            OutcomeKind.Succeeded => null,
            OutcomeKind.Invalid => outcome.Problems.Values.SelectMany(p => p).FirstOrDefault(),
            _ => outcome.Detail,
        };
    }

    public void Dispose() => _live?.Dispose();
}
