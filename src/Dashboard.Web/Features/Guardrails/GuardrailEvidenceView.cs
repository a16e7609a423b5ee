using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>Turns the judge's evidence of one condition into the status's <see cref="GuardrailEvidence"/> (percent, seconds, words).</summary>
internal static class GuardrailEvidenceView
{
    /// <param name="evidence">The condition's evidence.</param>
    /// <param name="baselineRuns">False at 100 %: there is nothing to compare with, so the comparison is left out.</param>
    /// <param name="minimumTrials">The minimum-evidence floor.</param>
    public static GuardrailEvidence Of(ConditionEvidence evidence, bool baselineRuns, long minimumTrials)
    {
        var verdict = evidence.Verdict;
        var canary = verdict.BreachSide ?? verdict.HealthSide
            ?? throw new ArgumentException("A count-ratio condition has a breach or a health signal.", nameof(evidence));
        var compared = baselineRuns ? verdict.Comparative : null;
        var ignored = Math.Max(canary.Ignored.Values.Sum(), compared?.Ignored.Values.Sum() ?? 0);
        return new GuardrailEvidence(
            evidence.Condition.ToString(),
            (verdict.Rule.BreachSignal ?? verdict.Rule.HealthSignal)!.ToString(),
            verdict.State,
            evidence.Since,
            canary.Trials,
            canary.Events,
            compared?.BaselineTrials ?? 0,
            compared?.BaselineEvents ?? 0,
            verdict.Rule.Limit * 100,
            canary.Estimate * 100,
            canary.Lower * 100,
            canary.Upper * 100,
            compared?.Estimate,
            compared?.Lower,
            compared?.Upper,
            compared?.ExpectedTimeToCall?.TotalSeconds,
            minimumTrials,
            ignored,
            evidence.HealthyProvenAt);
    }
}
