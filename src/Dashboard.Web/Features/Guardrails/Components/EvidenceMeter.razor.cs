using Dashboard.Core.Guardrails.Sequential;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// The evidence behind one count-ratio condition of a guardrail rule (docs/guardrails.md, "Evidence meter"): the events
/// in each cohort, the canary's rate and the rate ratio with their intervals, the state in words, and how long until a
/// regression of the plan's size could be called. "Not enough evidence yet" is drawn neither green nor red.
/// </summary>
public sealed partial class EvidenceMeter
{
    [Parameter, EditorRequired]
    public required GuardrailEvidence Evidence { get; set; }

    /// <summary>How a state is drawn: not enough evidence yet is neither green nor red.</summary>
    internal static DecisionTone Tone(SequentialState state) => state switch
    {
        SequentialState.Healthy => DecisionTone.Healthy,
        SequentialState.Regressing => DecisionTone.Regressing,
        _ => DecisionTone.Undecided,
    };

    private string ToneClass => Tone(Evidence.State).ToString().ToLowerInvariant();
}
