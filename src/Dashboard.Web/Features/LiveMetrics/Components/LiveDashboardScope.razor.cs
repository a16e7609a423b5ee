using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// Keeps its content live: re-renders when the shared feed publishes a new state and once a
/// second so that ages tick and overdue data turns stale without a reload.
/// </summary>
public sealed partial class LiveDashboardScope : IDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private ITimer? _ticker;
    private LiveDashboardState _state = LiveDashboardState.Initial;

    [Inject]
    public required ILiveDashboardFeed Feed { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Inject]
    public required StalenessRule Staleness { get; init; }

    /// <summary>The live content, given the current state and its freshness.</summary>
    [Parameter]
    public RenderFragment<LiveDashboardView>? ChildContent { get; set; }

    private LiveDashboardView View =>
        new(_state, DataFreshness.Evaluate(_state, TimeProvider.GetUtcNow(), Staleness));

    protected override void OnInitialized()
    {
        _state = Feed.Current;
        Feed.Changed += OnFeedChanged;
        _ticker = TimeProvider.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TickInterval, TickInterval);
    }

    // Raised on the poller's thread: hop onto the circuit's dispatcher before touching state.
    private void OnFeedChanged(LiveDashboardState state) => _ = InvokeAsync(() =>
    {
        _state = state;
        StateHasChanged();
    });

    public void Dispose()
    {
        Feed.Changed -= OnFeedChanged;
        _ticker?.Dispose();
    }
}
