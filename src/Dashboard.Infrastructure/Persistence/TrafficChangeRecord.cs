namespace Dashboard.Infrastructure.Persistence;

/// <summary>One requested change of the canary weight and what the router made of it.</summary>
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

    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The weight the router reported after the change; set when applied.</summary>
    public int? ReadBackPercent { get; set; }

    /// <summary>The router's own words when it failed (or anything it said when it succeeded).</summary>
    public string? RouterMessage { get; set; }
}
