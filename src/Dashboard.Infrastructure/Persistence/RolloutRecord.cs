namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// A rollout as stored: primitive columns that map one-to-one onto the domain's rollout snapshot.
/// <see cref="Status"/> holds the domain enum's name so the table reads well in <c>sqlite3</c>.
/// </summary>
public sealed class RolloutRecord
{
    public Guid Id { get; set; }

    public required string Service { get; set; }

    public required string BaselineVersion { get; set; }

    public required string CandidateVersion { get; set; }

    public required string PlanId { get; set; }

    /// <summary>The plan as it was when the rollout started, so later edits of the plan cannot change a running rollout.</summary>
    public required string PlanJson { get; set; }

    public required string StartedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string Status { get; set; }

    public int CurrentPhaseIndex { get; set; }

    public int CanaryWeightPercent { get; set; }

    /// <summary>
    /// Optimistic concurrency token: incremented by every save (see <see cref="WarRoomDbContext"/>) and
    /// checked in the UPDATE's WHERE clause, which works on SQLite where there is no rowversion type.
    /// </summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PhaseRunRecord> Phases { get; set; } = [];
}
