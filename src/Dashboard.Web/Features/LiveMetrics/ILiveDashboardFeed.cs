namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// The in-process broadcaster: the latest <see cref="LiveDashboardState"/> and a change event.
/// Handlers run on the poller's thread; components must marshal with <c>InvokeAsync</c> and
/// unsubscribe on dispose.
/// </summary>
public interface ILiveDashboardFeed
{
    LiveDashboardState Current { get; }

    event Action<LiveDashboardState>? Changed;
}
