using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Between Core's <see cref="TrafficChange"/> and the stored row.</summary>
public static class TrafficChangeRecordMapping
{
    public static TrafficChange ToTrafficChange(this TrafficChangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new TrafficChange(
            record.Id,
            record.RolloutId,
            record.PhaseIndex,
            record.FromPercent,
            record.ToPercent,
            record.RequestedBy,
            record.Reason,
            record.RequestedAt,
            record.Status,
            record.SettledAt,
            record.ReadBackPercent,
            record.FailureMessage);
    }

    public static TrafficChangeRecord ToRecord(this TrafficChange change, TrafficChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new TrafficChangeRecord
        {
            Id = change.Id,
            RolloutId = change.RolloutId,
            PhaseIndex = change.PhaseIndex,
            RequestedBy = change.RequestedBy,
            RequestedAt = change.RequestedAt,
            Reason = change.Reason,
            FromPercent = change.FromPercent,
            ToPercent = change.ToPercent,
            Source = source,
            Status = change.Status,
            SettledAt = change.SettledAt,
            ReadBackPercent = change.ReadBackPercent,
            FailureMessage = change.FailureMessage,
        };
    }
}
