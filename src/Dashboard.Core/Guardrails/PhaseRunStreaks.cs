namespace Dashboard.Core.Guardrails;

/// <summary>Every rule's streak of one rollout in one phase run: what <see cref="GuardrailStreaks"/> keeps, to be kept outside the process.</summary>
/// <param name="PhaseRun">Names the phase run the streaks belong to.</param>
/// <param name="Rules">Each rule's streak.</param>
public sealed record PhaseRunStreaks(string PhaseRun, IReadOnlyList<GuardrailStreak> Rules);
