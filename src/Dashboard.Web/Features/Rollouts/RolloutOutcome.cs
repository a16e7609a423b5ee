using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// What a request to the rollout feature did: its <see cref="Value"/> on success (and after a router
/// failure, since the state change itself was saved), or why not.
/// </summary>
public sealed record RolloutOutcome<T>
    where T : class
{
    public required RolloutOutcomeKind Kind { get; init; }

    public T? Value { get; init; }

    /// <summary>The traffic changes this command asked the router for, as settled.</summary>
    public IReadOnlyList<TrafficChangeView> TrafficChanges { get; init; } = [];

    /// <summary>Field or JSON path → what is wrong there (<see cref="RolloutOutcomeKind.Invalid"/>).</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The refused transition (<see cref="RolloutOutcomeKind.IllegalTransition"/>).</summary>
    public IllegalTransition? Transition { get; init; }

    /// <summary>A sentence for people: what went wrong.</summary>
    public string? Detail { get; init; }
}
