using System.Globalization;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// What the guardrails decide about one rule, as a chip and its key number: for a rule judged by the sequential test the
/// state of its weakest condition ("Regressing × 2.1", "Not enough evidence yet · call in about 40 s", "Healthy 0.31 %");
/// for a value rule its reading and streak ("Holds · 2 of 3 polls", "Clear"). Shared by the rollout page's trigger rows
/// and the war room, so both say what the monitor decided (docs/guardrails.md, "Evidence meter").
/// </summary>
/// <param name="Tone">Green, red, or neither.</param>
/// <param name="Label">The state in words.</param>
/// <param name="Detail">The key number or why there is none; null when the label says it all.</param>
public sealed record RuleDecision(DecisionTone Tone, string Label, string? Detail)
{
    /// <summary>The CSS modifier of <see cref="Tone"/>: "healthy", "regressing", "undecided", "nodata".</summary>
    public string ToneClass => Tone.ToString().ToLowerInvariant();

    public static RuleDecision Of(GuardrailRuleStatus rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Evidence is { Count: > 0 } evidence)
        {
            // The rule acts when any of its conditions is proven; it is healthy only when all are.
            var weakest = evidence.OrderByDescending(e => e.State == SequentialState.Regressing).ThenBy(e => e.State == SequentialState.Healthy).First();
            return new(EvidenceMeter.Tone(weakest.State), EvidenceText.State(weakest.State), KeyNumber(weakest));
        }

        return rule.Reading switch
        {
            GuardrailReading.Breached => new(DecisionTone.Regressing, "Holds", string.Create(CultureInfo.InvariantCulture, $"{rule.Streak} of {rule.Required} polls")),
            GuardrailReading.Clean => new(DecisionTone.Healthy, "Clear", null),
            GuardrailReading.NotApplicable => new(DecisionTone.NoData, "Not applicable at 100 %", "no baseline"),
            GuardrailReading.NotEnoughEvidence => new(DecisionTone.Undecided, EvidenceText.State(SequentialState.NotEnoughEvidence), null),
            _ => new(DecisionTone.NoData, "No data", string.Create(CultureInfo.InvariantCulture, $"{rule.Streak} of {rule.Required} polls kept")),
        };
    }

    // The number that says most for the state: the ratio or rate that proved a regression, the canary's rate when healthy,
    // the time to a call (or why there is none) while undecided.
    private static string? KeyNumber(GuardrailEvidence evidence) => evidence.State switch
    {
        SequentialState.Regressing when evidence.Ratio is { } ratio && evidence.RatioLower > 1 => $"× {EvidenceText.Number(ratio)} baseline",
        SequentialState.Regressing or SequentialState.Healthy when evidence.CanaryRatePct is { } rate => $"{EvidenceText.Number(rate)} % {evidence.Signal}",
        SequentialState.NotEnoughEvidence => EvidenceText.CallShort(evidence),
        _ => null,
    };
}
