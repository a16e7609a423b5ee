namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>How a guardrail decision is drawn: green, red, or neither (undecided or without data).</summary>
public enum DecisionTone
{
    Healthy,
    Regressing,

    /// <summary>Not enough evidence yet: neither green nor red, and not the grey of missing data.</summary>
    Undecided,
    NoData,
}
