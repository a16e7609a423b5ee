using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Which health checks to list: each filter null for all; the newest <see cref="Limit"/> first.</summary>
public sealed record HealthCheckQuery(MonitoringCadence? Cadence = null, Guid? RolloutId = null, Verdict? Verdict = null, int Limit = HealthCheckQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
