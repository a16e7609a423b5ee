using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Shared;

/// <summary>Turns an <see cref="Outcome{T}"/> into the HTTP answer: the value, or problem details with what a client needs to act.</summary>
public static class OutcomeHttpResults
{
    /// <param name="outcome">What the service did.</param>
    /// <param name="location">Where a created value lives (201's <c>Location</c>).</param>
    /// <param name="extensions">Extra members of a problem answer that only the feature knows (e.g. the rollout as it is now).</param>
    public static IResult ToHttpResult<T>(this Outcome<T> outcome, Func<T, string> location, Func<Outcome<T>, IDictionary<string, object?>>? extensions = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        var extra = extensions?.Invoke(outcome) ?? new Dictionary<string, object?>();
        return outcome.Kind switch
        {
            OutcomeKind.Succeeded when outcome.Value is { } value => TypedResults.Ok(value),
            OutcomeKind.Created when outcome.Value is { } value => TypedResults.Created(location(value), value),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(
                outcome.Problems.ToDictionary(p => p.Key, p => p.Value), detail: outcome.Detail, title: "The request is invalid."),
            OutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed.", outcome.Detail, extra),
            OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found.", outcome.Detail, extra),
            OutcomeKind.IllegalTransition when outcome.Transition is { } transition => Problem(
                StatusCodes.Status409Conflict,
                "The action is not allowed in the current state.",
                outcome.Detail,
                new Dictionary<string, object?>(extra)
                {
                    ["currentState"] = transition.Current.ToString(),
                    ["attempted"] = transition.Attempted.ToString(),
                    ["allowedActions"] = transition.Allowed.Select(a => a.ToString()).ToArray(),
                }),
            OutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", outcome.Detail, extra),
            OutcomeKind.RouterFailed => Problem(
                StatusCodes.Status502BadGateway, "Saved, but the traffic router did not confirm the change.", outcome.Detail, extra),
            // 202, not 503: the command is on the record and will be finished without the client. A 5xx invites the
            // client's (or a proxy's) retry, and a retry here is a second decision (docs/high-availability.md).
            OutcomeKind.StoreLostAfterSave => Problem(
                StatusCodes.Status202Accepted, "Saved; the state store stopped answering after the save.", outcome.Detail, extra),
            _ => throw new InvalidOperationException($"Outcome {outcome.Kind} is incomplete."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail, IDictionary<string, object?> extensions) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions.Count == 0 ? null : extensions);
}
