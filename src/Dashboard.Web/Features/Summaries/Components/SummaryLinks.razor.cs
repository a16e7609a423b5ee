using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Summaries.Components;

/// <summary>
/// The rollout page's list of its executive summaries, newest first, each linked to its page. Re-read when the
/// rollout changes, so a summary written at a milestone shows up by itself.
/// </summary>
public sealed partial class SummaryLinks : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<SummaryListItem> _summaries = [];

    /// <summary>The rollout whose summaries are listed.</summary>
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    [Inject]
    public required SummaryReader Summaries { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    protected override void OnInitialized() =>
        _live = new(Changes, change => change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _live!.ReloadAsync();

    private async Task LoadAsync() => _summaries = await Summaries.ListAsync(RolloutId);

    public void Dispose() => _live?.Dispose();
}
