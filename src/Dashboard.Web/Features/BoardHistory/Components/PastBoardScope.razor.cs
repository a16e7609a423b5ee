using Dashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>
/// Gives a board the moment in its address (<c>?at=</c>), read once (<see cref="RecentPastBoards"/>): nothing
/// here follows the live feed or the rollouts' changes, and only a new <c>?at=</c> or <c>?rollout=</c> reads again.
/// </summary>
public sealed partial class PastBoardScope
{
    private BoardAt? _board;
    private DateTimeOffset? _at;
    private string? _problem;
    private (string? At, Guid? Rollout)? _readFor;

    [Inject]
    public required RecentPastBoards Boards { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>The moment as the address gives it, e.g. <c>2026-11-02T03:12:00Z</c>.</summary>
    [Parameter, EditorRequired]
    public required string At { get; set; }

    /// <summary>The rollout asked for (<c>?rollout={id}</c>); null follows the most recently started one running then.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    /// <summary>The board's content, given the board as it was.</summary>
    [Parameter, EditorRequired]
    public required RenderFragment<BoardAt> ChildContent { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_readFor == (At, RolloutId))
        {
            return;
        }

        _readFor = (At, RolloutId);
        _board = null;
        _problem = SnapshotMoment.Check(At, Clock.GetUtcNow(), out var at);
        _at = _problem is null ? at : null;
        if (_problem is null)
        {
            _board = await Boards.GetAsync(at, RolloutId);
        }
    }
}
