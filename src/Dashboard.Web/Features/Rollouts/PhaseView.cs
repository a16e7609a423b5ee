using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>One phase of a rollout: the plan's weight for it and how far it got.</summary>
public sealed record PhaseView(
    int Index,
    string Name,
    PhaseState State,
    int TrafficPercent,
    TimeSpan Duration,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? HeldAt);
