namespace Dashboard.Web.Shared;

/// <summary>How a request to an application service ended; the REST API maps each to one status code.</summary>
public enum OutcomeKind
{
    /// <summary>Done (200).</summary>
    Succeeded,

    /// <summary>A new rollout or plan exists (201).</summary>
    Created,

    /// <summary>The request is wrong; <see cref="Outcome{T}.Problems"/> says where (400).</summary>
    Invalid,

    /// <summary>The authorization gate refused (403).</summary>
    Forbidden,

    /// <summary>No such thing (rollout, plan, incident …) (404).</summary>
    NotFound,

    /// <summary>The action is not allowed in the current state (409 with the state and the allowed actions).</summary>
    IllegalTransition,

    /// <summary>Someone else changed it meanwhile, or the id is taken (409).</summary>
    Conflict,

    /// <summary>The state was saved, but the router did not confirm a traffic change; it is recorded as failed (502).</summary>
    RouterFailed,

    /// <summary>
    /// The command was saved and audited, then the state store stopped answering before what follows the save was
    /// recorded (a traffic change's outcome) or read back (the rollout's view). Not to be repeated: a change left
    /// requested is settled by itself once the store is back. <see cref="Outcome{T}.Detail"/> says what the router
    /// was asked and read back (202).
    /// </summary>
    StoreLostAfterSave,
}
