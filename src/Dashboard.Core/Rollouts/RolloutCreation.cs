using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Rollouts;

/// <summary>The new rollout and its <see cref="RolloutCreated"/> event, or why it could not be created.</summary>
public sealed record RolloutCreation
{
    private RolloutCreation(Rollout? rollout, IReadOnlyList<RolloutEvent> events, RolloutRejection? rejection)
    {
        Rollout = rollout;
        Events = events;
        Rejection = rejection;
    }

    public Rollout? Rollout { get; }

    public IReadOnlyList<RolloutEvent> Events { get; }

    public RolloutRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Rollout))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Succeeded => Rollout is not null;

    internal static RolloutCreation Created(Rollout rollout, RolloutEvent created) => new(rollout, [created], null);

    internal static RolloutCreation Rejected(RolloutRejection rejection) => new(null, [], rejection);
}
