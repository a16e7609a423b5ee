namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The one place that decides whether an actor may perform an operation; every write of
/// <see cref="RolloutService"/> and <see cref="PlanCatalog"/> asks it first. NOT IMPLEMENTED YET:
/// it allows everyone, and the actor's name is whatever the caller typed. Issue 5 (sign-in and
/// roles) implements the check here, so no caller needs to change.
/// </summary>
public sealed class RolloutAuthorization
{
    /// <summary>Null when <paramref name="actor"/> may perform <paramref name="operation"/>, otherwise why not.</summary>
    public string? Require(Actor actor, RolloutOperation operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _ = operation;
        return null;
    }
}
