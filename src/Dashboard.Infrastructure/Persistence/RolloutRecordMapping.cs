using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Between Core's <see cref="RolloutSnapshot"/> and the stored rows, field for field.</summary>
public static class RolloutRecordMapping
{
    public static RolloutSnapshot ToSnapshot(this RolloutRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RolloutSnapshot(
            record.Id,
            record.Service,
            record.BaselineVersion,
            record.CandidateVersion,
            record.PlanId,
            record.PlanJson,
            record.CreatedBy,
            record.CreatedAt,
            record.StartedBy,
            record.StartedAt,
            record.CurrentPhaseIndex,
            record.CanaryWeightPercent,
            record.Status,
            record.Version,
            [.. record.Phases.OrderBy(p => p.Index).Select(p => new PhaseProgress(p.Index, p.Name, p.State, p.StartedAt, p.EndedAt, p.HeldAt))]);
    }

    public static RolloutRecord ToRecord(this RolloutSnapshot snapshot, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var record = new RolloutRecord
        {
            Id = snapshot.Id,
            Service = snapshot.Service,
            BaselineVersion = snapshot.BaselineVersion,
            CandidateVersion = snapshot.CandidateVersion,
            PlanId = snapshot.PlanId,
            PlanJson = snapshot.PlanJson,
            CreatedBy = snapshot.CreatedBy,
            CreatedAt = snapshot.CreatedAt,
        };
        record.CopyFrom(snapshot, updatedAt);
        return record;
    }

    /// <summary>
    /// Overwrites what a command can change (never the identity, versions of the service or the plan)
    /// and each phase's progress in place, so a tracked record updates only the columns that moved.
    /// </summary>
    public static void CopyFrom(this RolloutRecord record, RolloutSnapshot snapshot, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(snapshot);
        record.StartedBy = snapshot.StartedBy;
        record.StartedAt = snapshot.StartedAt;
        record.CurrentPhaseIndex = snapshot.CurrentPhaseIndex;
        record.CanaryWeightPercent = snapshot.CanaryWeightPercent;
        record.Status = snapshot.Status;
        record.Version = snapshot.Version;
        record.UpdatedAt = updatedAt;
        foreach (var progress in snapshot.Phases)
        {
            var phase = record.Phases.Find(p => p.Index == progress.Index);
            if (phase is null)
            {
                phase = new PhaseRunRecord { RolloutId = record.Id, Index = progress.Index, Name = progress.Name };
                record.Phases.Add(phase);
            }

            phase.Name = progress.Name;
            phase.State = progress.State;
            phase.StartedAt = progress.StartedAt;
            phase.EndedAt = progress.EndedAt;
            phase.HeldAt = progress.HeldAt;
        }
    }
}
