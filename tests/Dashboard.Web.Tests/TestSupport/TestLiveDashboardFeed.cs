using Dashboard.Web.Features.LiveMetrics;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>A feed the test drives: <see cref="Publish"/> does what the shared poller does after each poll.</summary>
internal sealed class TestLiveDashboardFeed : ILiveDashboardFeed
{
    private Action<LiveDashboardState>? _changed;

    public LiveDashboardState Current { get; private set; } = LiveDashboardState.Initial;

    public int SubscriberCount => _changed?.GetInvocationList().Length ?? 0;

    public event Action<LiveDashboardState>? Changed
    {
        add => _changed += value;
        remove => _changed -= value;
    }

    /// <summary>Replaces the current state and raises <see cref="Changed"/> from a pool thread, as the poller does.</summary>
    public void Publish(LiveDashboardState state)
    {
        Current = state;
        Task.Run(() => _changed?.Invoke(state)).GetAwaiter().GetResult();
    }
}
