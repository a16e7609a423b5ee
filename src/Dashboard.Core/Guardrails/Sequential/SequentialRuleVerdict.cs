namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// One rule's state with its evidence: the absolute limit judged on each side's signal (the same
/// verdict twice when one bucket serves both), and the comparative test (null when the rule has none).
/// Regressing when either the limit's breach or the comparative regression is proven; otherwise Healthy
/// when health is proven on the limit. The comparison keeps its own state: with no events in either
/// cohort (no request over 250 ms at all) or no baseline (100 %) it cannot conclude, and that must not
/// keep a canary proven far below the limit from reading Healthy.
/// </summary>
public sealed record SequentialRuleVerdict(
    CountRatioLimit Rule,
    SequentialState State,
    ProportionVerdict? BreachSide,
    ProportionVerdict? HealthSide,
    RateRatioVerdict? Comparative);
