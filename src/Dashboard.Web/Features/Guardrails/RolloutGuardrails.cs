using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>One watched rollout at the latest poll.</summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="Service">Its service.</param>
/// <param name="CandidateVersion">Its candidate.</param>
/// <param name="Phase">The current phase's name.</param>
/// <param name="State">The current phase's state.</param>
/// <param name="Rules">Each trigger and contingency rule with its live values and streak.</param>
/// <param name="LastBreachAt">The latest poll that found any rule breached.</param>
/// <param name="LastAction">The latest action a guardrail took on it, as recorded.</param>
/// <param name="BlindSince">Since when at least one auto-rollback trigger has had no data; null while every trigger is judged.</param>
/// <param name="BlindMetrics">The trigger metrics without data now.</param>
/// <param name="JudgedFrom">Where the data judged for this phase run begins: one point interval after the phase run began or
/// its traffic last changed (docs/guardrails.md); null while unknown.</param>
public sealed record RolloutGuardrails(
    Guid RolloutId,
    string Service,
    string CandidateVersion,
    string Phase,
    PhaseState State,
    IReadOnlyList<GuardrailRuleStatus> Rules,
    DateTimeOffset? LastBreachAt,
    string? LastAction,
    DateTimeOffset? BlindSince,
    IReadOnlyList<string> BlindMetrics,
    DateTimeOffset? JudgedFrom = null);
