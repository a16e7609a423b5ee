namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// What the guardrails' poll loop remembers about one watched rollout between polls (streaks, blind period, last
/// breach and action, blocks already recorded), kept in the state store so that the next instance to hold the
/// automation lease, or the same one after a restart, goes on from it (docs/guardrails.md, "What the guardrails
/// remember"). The evidence is not here: it is rebuilt from InfluxDB.
/// </summary>
public sealed class GuardrailMemoryRecord
{
    public Guid RolloutId { get; set; }

    /// <summary>The memory as JSON; its shape belongs to the guardrails feature.</summary>
    public required string StateJson { get; set; }
}
