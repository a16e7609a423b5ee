using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The HTTP answer to a rollout command: a new rollout (201 with the rollout), the rollout and the traffic changes
/// the command made (200), or a problem that carries the rollout as it is now, so a client can act without reading it again.
/// </summary>
public static class RolloutCommandResults
{
    public static IResult ToHttpResult(this Outcome<RolloutCommandResponse> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is { Kind: OutcomeKind.Created, Value: { } created })
        {
            return TypedResults.Created($"{RolloutEndpoints.RolloutsPath}/{created.Rollout.Id}", created.Rollout);
        }

        return outcome.ToHttpResult(
            response => $"{RolloutEndpoints.RolloutsPath}/{response.Rollout.Id}",
            o => o switch
            {
                { Kind: OutcomeKind.RouterFailed, Value: { } failed } =>
                    new Dictionary<string, object?> { ["rollout"] = failed.Rollout, ["trafficChanges"] = failed.TrafficChanges },
                { Kind: OutcomeKind.IllegalTransition, Value: { } current } => new Dictionary<string, object?> { ["rollout"] = current.Rollout },
                _ => new Dictionary<string, object?>(),
            });
    }
}
