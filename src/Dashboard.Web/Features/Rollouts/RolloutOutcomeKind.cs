namespace Dashboard.Web.Features.Rollouts;

/// <summary>How a request to <see cref="RolloutService"/> or <see cref="PlanCatalog"/> ended; the REST API maps each to one status code.</summary>
public enum RolloutOutcomeKind
{
    /// <summary>Done (200).</summary>
    Succeeded,

    /// <summary>A new rollout or plan exists (201).</summary>
    Created,

    /// <summary>The request is wrong; <see cref="RolloutOutcome{T}.Problems"/> says where (400).</summary>
    Invalid,

    /// <summary>The authorization seam refused (403).</summary>
    Forbidden,

    /// <summary>No such rollout or plan (404).</summary>
    NotFound,

    /// <summary>The action is not allowed in the current state (409 with the state and the allowed actions).</summary>
    IllegalTransition,

    /// <summary>Someone else changed the rollout meanwhile, or the plan id is taken (409).</summary>
    Conflict,

    /// <summary>The state was saved, but the router did not confirm a traffic change; it is recorded as failed (502).</summary>
    RouterFailed,
}
