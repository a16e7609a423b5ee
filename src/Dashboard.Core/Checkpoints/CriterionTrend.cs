namespace Dashboard.Core.Checkpoints;

/// <summary>
/// A metric's last-interval value now and at the previous checkpoint, and the trend between them:
/// <see cref="MetricTrend.Stable"/> while the change is within <paramref name="Tolerance"/>
/// (see <see cref="MetricTrends"/>).
/// </summary>
public sealed record CriterionTrend(string Metric, double? Previous, double? Current, double Tolerance, MetricTrend Trend);
