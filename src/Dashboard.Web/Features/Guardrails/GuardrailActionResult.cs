namespace Dashboard.Web.Features.Guardrails;

/// <summary>What became of a guardrail decision handed to <see cref="GuardrailActions"/>.</summary>
/// <param name="Settled">True when the decision needs nothing more (done, or moot because the rollout moved on); false to try again next poll.</param>
/// <param name="Problem">Why the action did not happen as asked, in the application service's words; null when it did.</param>
public sealed record GuardrailActionResult(bool Settled, string? Problem)
{
    public static GuardrailActionResult Done { get; } = new(true, null);
}
