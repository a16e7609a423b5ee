namespace Dashboard.Core.Metrics;

/// <summary>Which way a metric gets better: error rate and latency down, availability and revenue up.</summary>
public enum MetricDirection
{
    LowerIsBetter,
    HigherIsBetter,
}
