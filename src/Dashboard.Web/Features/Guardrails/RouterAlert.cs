namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// A critical alert: a guardrail saved an action (a rollback, a reduction) but the router has not
/// confirmed the weight. Retried with backoff until it does; shown on every page meanwhile.
/// </summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="Service">Its service.</param>
/// <param name="CandidateVersion">Its candidate.</param>
/// <param name="WantedPercent">The canary weight the state store records and the router must confirm.</param>
/// <param name="Problem">What the router said (or why it could not be reached) at the latest attempt.</param>
/// <param name="Since">When the router first failed to confirm.</param>
/// <param name="Attempts">Attempts so far, the guardrail action's own included.</param>
/// <param name="NextAttemptAt">When the next attempt is due.</param>
public sealed record RouterAlert(
    Guid RolloutId,
    string Service,
    string CandidateVersion,
    int WantedPercent,
    string Problem,
    DateTimeOffset Since,
    int Attempts,
    DateTimeOffset? NextAttemptAt);
