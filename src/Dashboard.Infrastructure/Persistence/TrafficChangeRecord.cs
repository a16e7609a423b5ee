using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One requested change of the canary weight and what the router made of it: Core's
/// <see cref="TrafficChange"/> plus where the request came from.
/// </summary>
public sealed class TrafficChangeRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string Reason { get; set; }

    public int FromPercent { get; set; }

    public int ToPercent { get; set; }

    public TrafficChangeSource Source { get; set; }

    public TrafficChangeStatus Status { get; set; }

    /// <summary>When the change was applied or failed.</summary>
    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>The weight the router reported after the change.</summary>
    public int? ReadBackPercent { get; set; }

    /// <summary>Why the change failed, in the router's words where it gave any.</summary>
    public string? FailureMessage { get; set; }
}
