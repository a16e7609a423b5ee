using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// What the <see cref="EvidenceTrack"/> says about one count-ratio condition now: the verdict of the
/// test that decides (a regressing one if any, else a healthy one, else the one with the most evidence),
/// since when that test counts, and when health was last proven in this phase run.
/// </summary>
public sealed record ConditionEvidence(MetricCondition Condition, SequentialRuleVerdict Verdict, DateTimeOffset Since, DateTimeOffset? HealthyProvenAt)
{
    public SequentialState State => Verdict.State;
}
