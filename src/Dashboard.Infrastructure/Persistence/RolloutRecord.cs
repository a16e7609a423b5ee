using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// A rollout as stored: columns that map one-to-one onto Core's <see cref="RolloutSnapshot"/>
/// (see <see cref="RolloutRecordMapping"/>). Enums are stored by name so the table reads well in
/// <c>sqlite3</c>.
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

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public RolloutStatus Status { get; set; }

    public int CurrentPhaseIndex { get; set; }

    public int CanaryWeightPercent { get; set; }

    /// <summary>
    /// The aggregate's version (accepted commands) and the optimistic concurrency token: checked in
    /// the UPDATE's WHERE clause, which works on SQLite where there is no rowversion type. A save that
    /// does not set it advances it by one (see <see cref="WarRoomDbContext"/>).
    /// </summary>
    public int Version { get; set; }

    /// <summary>When the row was last written; not part of the domain snapshot.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PhaseRunRecord> Phases { get; set; } = [];
}
