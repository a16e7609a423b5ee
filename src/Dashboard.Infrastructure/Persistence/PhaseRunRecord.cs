namespace Dashboard.Infrastructure.Persistence;

/// <summary>One phase of a rollout as stored, keyed by the rollout and the phase's position in the plan.</summary>
public sealed class PhaseRunRecord
{
    public Guid RolloutId { get; set; }

    public int Index { get; set; }

    public required string Name { get; set; }

    /// <summary>The domain phase state's name (e.g. <c>Running</c>).</summary>
    public required string State { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int TrafficPercent { get; set; }
}
