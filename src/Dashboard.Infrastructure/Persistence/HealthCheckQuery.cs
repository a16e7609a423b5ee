using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Which health checks to list: each filter null for all; newest first, <see cref="Limit"/> of them after skipping the
/// newest <see cref="Skip"/> (a page), and only those after <see cref="After"/> when it is set (the API's cursor).
/// </summary>
public sealed record HealthCheckQuery(
    MonitoringCadence? Cadence = null,
    Guid? RolloutId = null,
    Verdict? Verdict = null,
    int Limit = HealthCheckQuery.DefaultLimit,
    int Skip = 0,
    HealthCheckPosition? After = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
