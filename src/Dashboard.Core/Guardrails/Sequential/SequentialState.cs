namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>What a sequential test can say so far (docs/guardrails.md, "Sequential judge").</summary>
public enum SequentialState
{
    /// <summary>Neither direction is proven yet, or the minimum-evidence floor is not reached. Never a pass.</summary>
    NotEnoughEvidence,

    /// <summary>The confidence sequence excludes a regression (of the plan's size, or past the plan's limit).</summary>
    Healthy,

    /// <summary>The null hypothesis "no regression" is rejected at level α, however often it was looked at.</summary>
    Regressing,
}
