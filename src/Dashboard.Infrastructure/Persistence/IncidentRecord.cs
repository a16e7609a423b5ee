namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// An incident linked to a rollout (and the phase it happened in). Its history is the list of
/// <see cref="IncidentUpdateRecord"/>s; <see cref="Version"/> guards against two people changing it at once.
/// </summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    /// <summary>The rollout's phase when the incident was opened.</summary>
    public int PhaseIndex { get; set; }

    /// <summary>Low, High or Critical.</summary>
    public required string Severity { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public required string Owner { get; set; }

    /// <summary>Data was lost (counts for the tiered plan's "no data loss").</summary>
    public bool DataLoss { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public required string OpenedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public long Version { get; set; }

    public List<IncidentUpdateRecord> Updates { get; set; } = [];
}
