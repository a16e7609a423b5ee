namespace Dashboard.Core.Guardrails;

/// <summary>One rule at one poll: its reading and the values it was judged on (null: no data).</summary>
public sealed record GuardrailObservation(GuardrailRule Rule, GuardrailReading Reading, IReadOnlyDictionary<string, double?> Values);
