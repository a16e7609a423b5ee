using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One phase of a rollout as stored (Core's <see cref="PhaseProgress"/>), keyed by the rollout and
/// the phase's position in the plan. The phase's planned weight lives in the rollout's plan JSON.
/// </summary>
public sealed class PhaseRunRecord
{
    public Guid RolloutId { get; set; }

    public int Index { get; set; }

    public required string Name { get; set; }

    public PhaseState State { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? HeldAt { get; set; }
}
