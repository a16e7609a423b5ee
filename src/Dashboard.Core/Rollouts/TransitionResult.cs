using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.Rollouts;

/// <summary>The outcome of <see cref="PhaseStateMachine.Apply"/>: the new state, or why not.</summary>
public sealed record TransitionResult
{
    private TransitionResult(PhaseState? newState, IllegalTransition? error)
    {
        NewState = newState;
        Error = error;
    }

    public PhaseState? NewState { get; }

    public IllegalTransition? Error { get; }

    [MemberNotNullWhen(true, nameof(NewState))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAllowed => Error is null;

    public static TransitionResult To(PhaseState state) => new(state, null);

    public static TransitionResult Illegal(IllegalTransition error) => new(null, error);
}
