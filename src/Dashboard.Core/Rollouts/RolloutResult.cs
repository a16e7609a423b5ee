using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Rollouts;

/// <summary>
/// What a command did: the events to persist and audit, in order — or the rejection, in which
/// case the rollout is unchanged.
/// </summary>
public sealed record RolloutResult
{
    private RolloutResult(IReadOnlyList<RolloutEvent> events, RolloutRejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<RolloutEvent> Events { get; }

    public RolloutRejection? Rejection { get; }

    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Succeeded => Rejection is null;

    public static RolloutResult Accepted(IReadOnlyList<RolloutEvent> events) => new(events, null);

    public static RolloutResult Rejected(RolloutRejection rejection) => new([], rejection);
}
