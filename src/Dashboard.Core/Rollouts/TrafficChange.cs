using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Rollouts;

/// <summary>
/// One traffic change from request to outcome. It counts as applied only when the router's
/// read-back equals the requested weight; anything else is failed with the reason, so nothing
/// is shown as applied that the router did not confirm.
/// </summary>
public sealed record TrafficChange(
    Guid Id,
    Guid RolloutId,
    int PhaseIndex,
    int FromPercent,
    int ToPercent,
    string RequestedBy,
    string Reason,
    DateTimeOffset RequestedAt,
    TrafficChangeStatus Status = TrafficChangeStatus.Requested,
    DateTimeOffset? SettledAt = null,
    int? ReadBackPercent = null,
    string? FailureMessage = null)
{
    public static TrafficChange FromRequest(Guid id, TrafficChangeRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(id, request.RolloutId, request.PhaseIndex, request.FromPercent, request.ToPercent, request.Actor, request.Reason, request.At);
    }

    /// <summary>Settles the change with the weight the router reports after applying it.</summary>
    public TrafficChange Confirm(int readBackPercent, DateTimeOffset at)
    {
        EnsureRequested();
        return readBackPercent == ToPercent
            ? this with { Status = TrafficChangeStatus.Applied, SettledAt = at, ReadBackPercent = readBackPercent }
            : this with
            {
                Status = TrafficChangeStatus.Failed,
                SettledAt = at,
                ReadBackPercent = readBackPercent,
                FailureMessage = $"the router reports {readBackPercent} % after the change, not the requested {ToPercent} %",
            };
    }

    /// <summary>Settles the change as failed with the router's message.</summary>
    public TrafficChange Fail(string message, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        EnsureRequested();
        return this with { Status = TrafficChangeStatus.Failed, SettledAt = at, FailureMessage = message };
    }

    private void EnsureRequested()
    {
        if (Status != TrafficChangeStatus.Requested)
        {
            throw new InvalidOperationException($"Traffic change {Id} is already {Status}.");
        }
    }
}
