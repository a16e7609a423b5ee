namespace Dashboard.Core.Metrics;

/// <summary>Which side of the rollout a measurement belongs to (the <c>cohort</c> tag).</summary>
public enum Cohort
{
    Baseline,
    Canary,
}
