namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>Why an interval's counts were not used. A flawed interval adds nothing, in either direction.</summary>
public enum DataFlaw
{
    /// <summary>The canary has no data or zero trials (requests, probes) in the interval.</summary>
    NoCanaryData,

    /// <summary>The baseline has no data or zero trials: nothing to compare the canary with.</summary>
    NoBaselineData,

    /// <summary>A requests point was still partly written (<see cref="Metrics.WindowTotals.IncompletePoints"/>).</summary>
    TornPoints,

    /// <summary>Negative, fractional or non-finite counts, or more events than trials.</summary>
    InconsistentCounts,
}
