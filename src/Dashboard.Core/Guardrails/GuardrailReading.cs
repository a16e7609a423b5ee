namespace Dashboard.Core.Guardrails;

/// <summary>What one poll says about one rule.</summary>
public enum GuardrailReading
{
    /// <summary>Every condition holds on the poll's values: the streak grows.</summary>
    Breached,

    /// <summary>Every metric was measured and the rule does not hold (or a rule before it matched first): the streak resets.</summary>
    Clean,

    /// <summary>A metric the rule needs has no value: neither breach nor clean, the streak is kept as it is — and it is never a pass.</summary>
    NoData,

    /// <summary>
    /// The rule compares the canary with the baseline, and no baseline runs (the canary has 100 %): the metric
    /// cannot exist, so it is neither an alarm nor a pass; the streak is kept as it is (docs/guardrails.md, "At 100 %").
    /// </summary>
    NotApplicable,

    /// <summary>
    /// The rule is judged by the sequential test (docs/guardrails.md, "Sequential judge"), data flows, and the test has
    /// not concluded either way yet: neither an alarm nor a pass. The rule acts on the poll its test proves a regression.
    /// </summary>
    NotEnoughEvidence,
}
