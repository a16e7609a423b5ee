namespace Dashboard.Core.Rollouts;

/// <summary>
/// The action is not allowed in the current state (the REST layer answers 409 with
/// <see cref="Current"/> and <see cref="Allowed"/>).
/// </summary>
public sealed record IllegalTransition(PhaseState Current, RolloutAction Attempted, IReadOnlyList<RolloutAction> Allowed)
    : RolloutRejection(Explain(Current, Attempted, Allowed))
{
    private static string Explain(PhaseState current, RolloutAction attempted, IReadOnlyList<RolloutAction> allowed) =>
        $"{attempted} is not allowed while the phase is {current}; allowed: "
        + (allowed.Count == 0 ? "nothing, the state is final" : string.Join(", ", allowed));
}
