namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>What a live page renders: the feed's latest state and how fresh it is right now.</summary>
public sealed record LiveDashboardView(LiveDashboardState State, DataFreshness Freshness);
