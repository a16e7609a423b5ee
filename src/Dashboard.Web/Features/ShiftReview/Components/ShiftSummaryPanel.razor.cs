using System.Globalization;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// The summary of [<see cref="From"/>, <see cref="To"/>): each rollout at the start and at the end, the counts and the
/// worst moment with its links. Re-read after every saved change of any rollout.
/// </summary>
public sealed partial class ShiftSummaryPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private ShiftSummary? _summary;
    private (DateTimeOffset, DateTimeOffset)? _loadedFor;

    [Inject]
    public required ShiftSummaryService Summaries { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    /// <summary>The window's start, included.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset From { get; set; }

    /// <summary>The window's end, excluded.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset To { get; set; }

    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _loadedFor == (From, To) ? Task.CompletedTask : _live!.ReloadAsync();

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        var window = (From, To);
        _summary = await Summaries.BuildAsync(From, To);
        _loadedFor = window;
    }

    private static string Describe(RolloutStateAt? state) => state switch
    {
        null => "not created yet",
        { Phase: null } => state.State,
        _ => string.Create(CultureInfo.InvariantCulture, $"{state.State} in '{state.Phase}' at {state.CanaryPercent} % canary"),
    };
}
