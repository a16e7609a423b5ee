namespace Dashboard.Core.Metrics;

/// <summary>Baseline and canary side by side.</summary>
public sealed record CohortPair(CohortMetrics Baseline, CohortMetrics Canary)
{
    public static CohortPair Empty { get; } = new(CohortMetrics.Empty, CohortMetrics.Empty);

    public CohortMetrics this[Cohort cohort] => cohort == Cohort.Canary ? Canary : Baseline;
}
