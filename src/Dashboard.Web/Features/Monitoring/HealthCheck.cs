using Dashboard.Core.Monitoring;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>A health check that ran, before it is recorded: what it judged, over which window, when, and what it found.</summary>
/// <param name="Cadence">The cadence it ran for.</param>
/// <param name="RolloutId">The rollout it judged; null for a calendar check that found no active rollout.</param>
/// <param name="PhaseIndex">The rollout's current phase.</param>
/// <param name="PhaseName">That phase's name.</param>
/// <param name="Window">The metrics window.</param>
/// <param name="DueAt">The slot it belongs to (a check caught up after downtime is due earlier than it ran).</param>
/// <param name="RanAt">When it ran.</param>
/// <param name="Result">The verdicts.</param>
public sealed record HealthCheck(
    MonitoringCadence Cadence,
    Guid? RolloutId,
    int? PhaseIndex,
    string? PhaseName,
    HealthCheckWindow Window,
    DateTimeOffset DueAt,
    DateTimeOffset RanAt,
    HealthCheckResult Result);
