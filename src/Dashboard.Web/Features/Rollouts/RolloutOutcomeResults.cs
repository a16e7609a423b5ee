using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>Turns a <see cref="RolloutOutcome{T}"/> into the HTTP answer: the value, or problem details with what a client needs to act.</summary>
public static class RolloutOutcomeResults
{
    public static IResult ToHttpResult<T>(this RolloutOutcome<T> outcome, Func<T, string> location)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Kind switch
        {
            RolloutOutcomeKind.Succeeded when outcome.Value is RolloutView rollout => TypedResults.Ok(new RolloutCommandResponse(rollout, outcome.TrafficChanges)),
            RolloutOutcomeKind.Succeeded when outcome.Value is { } value => TypedResults.Ok(value),
            RolloutOutcomeKind.Created when outcome.Value is { } value => TypedResults.Created(location(value), value),
            RolloutOutcomeKind.Invalid => TypedResults.ValidationProblem(
                outcome.Problems.ToDictionary(p => p.Key, p => p.Value), detail: outcome.Detail, title: "The request is invalid."),
            RolloutOutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed.", outcome.Detail),
            RolloutOutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found.", outcome.Detail),
            RolloutOutcomeKind.IllegalTransition when outcome.Transition is { } transition => Problem(
                StatusCodes.Status409Conflict,
                "The action is not allowed in the current state.",
                outcome.Detail,
                new Dictionary<string, object?>
                {
                    ["currentState"] = transition.Current.ToString(),
                    ["attempted"] = transition.Attempted.ToString(),
                    ["allowedActions"] = transition.Allowed.Select(a => a.ToString()).ToArray(),
                    ["rollout"] = outcome.Value,
                }),
            RolloutOutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", outcome.Detail),
            RolloutOutcomeKind.RouterFailed => Problem(
                StatusCodes.Status502BadGateway,
                "Saved, but the traffic router did not confirm the change.",
                outcome.Detail,
                new Dictionary<string, object?> { ["rollout"] = outcome.Value, ["trafficChanges"] = outcome.TrafficChanges }),
            _ => throw new InvalidOperationException($"Outcome {outcome.Kind} is incomplete."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
