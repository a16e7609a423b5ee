using Dashboard.Core.Guardrails;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// What the poll loop remembers about one watched rollout from one poll to the next, kept in the state store by
/// <see cref="GuardrailMemoryKeeper"/> (docs/guardrails.md, "What the guardrails remember").
/// </summary>
/// <param name="Streaks">The phase run and each rule's streak; null before the first judged poll.</param>
/// <param name="BlindSince">Since when a trigger has had no data; null while every trigger is judged.</param>
/// <param name="LastBreachAt">The latest poll that found a rule breached.</param>
/// <param name="LastAction">The latest action taken, as shown.</param>
/// <param name="RecordedBlocks">The blocks already audited, each once per streak and reason.</param>
public sealed record GuardrailMemory(
    PhaseRunStreaks? Streaks,
    DateTimeOffset? BlindSince,
    DateTimeOffset? LastBreachAt,
    string? LastAction,
    IReadOnlyList<RecordedBlock> RecordedBlocks);

/// <summary>A rule that should have acted but could not, audited once for its streak (since <paramref name="Since"/>) and reason.</summary>
public sealed record RecordedBlock(string RuleId, DateTimeOffset? Since, string Reason);
