using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>Builds each kind of <see cref="RolloutOutcome{T}"/> complete.</summary>
public static class RolloutOutcomes
{
    public static RolloutOutcome<T> Succeeded<T>(T value, IReadOnlyList<TrafficChangeView>? changes = null)
        where T : class =>
        new() { Kind = RolloutOutcomeKind.Succeeded, Value = value, TrafficChanges = changes ?? [] };

    public static RolloutOutcome<T> Created<T>(T value)
        where T : class => new() { Kind = RolloutOutcomeKind.Created, Value = value };

    public static RolloutOutcome<T> Invalid<T>(string field, string problem)
        where T : class => Invalid<T>(new Dictionary<string, string[]> { [field] = [problem] });

    public static RolloutOutcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> problems)
        where T : class =>
        new() { Kind = RolloutOutcomeKind.Invalid, Problems = problems, Detail = "The request is invalid." };

    public static RolloutOutcome<T> Forbidden<T>(string reason)
        where T : class => new() { Kind = RolloutOutcomeKind.Forbidden, Detail = reason };

    public static RolloutOutcome<T> NotFound<T>(string detail)
        where T : class => new() { Kind = RolloutOutcomeKind.NotFound, Detail = detail };

    public static RolloutOutcome<T> Illegal<T>(IllegalTransition transition, T current)
        where T : class =>
        new() { Kind = RolloutOutcomeKind.IllegalTransition, Transition = transition, Value = current, Detail = transition.Message };

    public static RolloutOutcome<T> Conflict<T>(string detail)
        where T : class => new() { Kind = RolloutOutcomeKind.Conflict, Detail = detail };

    public static RolloutOutcome<T> RouterFailed<T>(T value, IReadOnlyList<TrafficChangeView> changes, string detail)
        where T : class =>
        new() { Kind = RolloutOutcomeKind.RouterFailed, Value = value, TrafficChanges = changes, Detail = detail };
}
