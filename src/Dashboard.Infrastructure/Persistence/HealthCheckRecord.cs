namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One persisted health check of a monitoring cadence (docs/monitoring.md): which rollout and phase
/// it judged (none for a calendar check that found no active rollout), the metrics window, when it
/// was due and when it ran (a check caught up after downtime runs late), the overall verdict, a
/// one-line summary and every metric as Core's <c>HealthCheckMetric</c> list in JSON.
/// </summary>
public sealed class HealthCheckRecord
{
    public Guid Id { get; set; }

    /// <summary>Intensive, Close, Daily or Weekly.</summary>
    public required string Cadence { get; set; }

    public Guid? RolloutId { get; set; }

    public int? PhaseIndex { get; set; }

    public string? PhaseName { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset WindowEnd { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RanAt { get; set; }

    /// <summary>Pass, Warn, Fail or NoData.</summary>
    public required string OverallVerdict { get; set; }

    public required string Summary { get; set; }

    public required string MetricsJson { get; set; }
}
