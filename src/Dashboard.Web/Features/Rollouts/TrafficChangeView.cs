using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>One traffic change as the API shows it.</summary>
public sealed record TrafficChangeView(
    Guid Id,
    int PhaseIndex,
    int FromPercent,
    int ToPercent,
    TrafficChangeStatus Status,
    TrafficChangeSource Source,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Reason,
    DateTimeOffset? SettledAt,
    int? ReadBackPercent,
    string? FailureMessage)
{
    public static TrafficChangeView From(TrafficChangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Id, record.PhaseIndex, record.FromPercent, record.ToPercent, record.Status, record.Source,
            record.RequestedBy, record.RequestedAt, record.Reason, record.SettledAt, record.ReadBackPercent, record.FailureMessage);
    }

    public static TrafficChangeView From(TrafficChange change, TrafficChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(
            change.Id, change.PhaseIndex, change.FromPercent, change.ToPercent, change.Status, source,
            change.RequestedBy, change.RequestedAt, change.Reason, change.SettledAt, change.ReadBackPercent, change.FailureMessage);
    }
}
