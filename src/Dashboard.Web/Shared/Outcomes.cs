using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Shared;

/// <summary>Builds each kind of <see cref="Outcome{T}"/> complete.</summary>
public static class Outcomes
{
    public static Outcome<T> Succeeded<T>(T value)
        where T : class => new() { Kind = OutcomeKind.Succeeded, Value = value };

    public static Outcome<T> Created<T>(T value)
        where T : class => new() { Kind = OutcomeKind.Created, Value = value };

    public static Outcome<T> Invalid<T>(string field, string problem)
        where T : class => Invalid<T>(new Dictionary<string, string[]> { [field] = [problem] });

    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> problems)
        where T : class =>
        new() { Kind = OutcomeKind.Invalid, Problems = problems, Detail = "The request is invalid." };

    public static Outcome<T> Forbidden<T>(string reason)
        where T : class => new() { Kind = OutcomeKind.Forbidden, Detail = reason };

    public static Outcome<T> NotFound<T>(string detail)
        where T : class => new() { Kind = OutcomeKind.NotFound, Detail = detail };

    public static Outcome<T> Illegal<T>(IllegalTransition transition, T current)
        where T : class =>
        new() { Kind = OutcomeKind.IllegalTransition, Transition = transition, Value = current, Detail = transition.Message };

    public static Outcome<T> Conflict<T>(string detail)
        where T : class => new() { Kind = OutcomeKind.Conflict, Detail = detail };

    public static Outcome<T> RouterFailed<T>(T value, string detail)
        where T : class => new() { Kind = OutcomeKind.RouterFailed, Value = value, Detail = detail };

    /// <summary>Saved, then the state store was lost: no value, since what the command left cannot be read back now.</summary>
    public static Outcome<T> StoreLostAfterSave<T>(string detail)
        where T : class => new() { Kind = OutcomeKind.StoreLostAfterSave, Detail = detail };
}
