using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Monitoring;

/// <summary>
/// One metric of a health check: the canary's value over the window, the rule and its verdict.
/// <see cref="Counted"/> is false for a rule the snapshot cannot judge (incident counts, memory
/// growth: checkpoints judge them) or that does not apply yet in the phase; <see cref="Note"/> says
/// why, and why a verdict is NO_DATA.
/// </summary>
public sealed record HealthCheckMetric(
    string Metric,
    HealthCheckRule Rule,
    Comparator Comparator,
    double Threshold,
    double? Value,
    Verdict Verdict,
    bool Counted,
    string? Note = null);
