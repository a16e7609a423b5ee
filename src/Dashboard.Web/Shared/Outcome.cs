using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Shared;

/// <summary>
/// What a request to an application service did: its <see cref="Value"/> on success (and after a
/// downstream failure, since the change itself was saved), or why not. Every feature's service
/// answers with one, so the UI and the REST API read refusals the same way.
/// </summary>
public sealed record Outcome<T>
    where T : class
{
    public required OutcomeKind Kind { get; init; }

    public T? Value { get; init; }

    /// <summary>Field or JSON path → what is wrong there (<see cref="OutcomeKind.Invalid"/>).</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The refused state-machine transition (<see cref="OutcomeKind.IllegalTransition"/>).</summary>
    public IllegalTransition? Transition { get; init; }

    /// <summary>A sentence for people: what went wrong.</summary>
    public string? Detail { get; init; }
}
