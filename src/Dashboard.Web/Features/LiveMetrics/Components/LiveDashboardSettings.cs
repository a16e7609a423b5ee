namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// What the live pages need to know about the poller: data older than two
/// <see cref="PollInterval"/>s is shown as stale even when the poller has not said so (e.g. it hung).
/// </summary>
public sealed record LiveDashboardSettings(TimeSpan PollInterval);
