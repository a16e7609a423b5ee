namespace Dashboard.Core.Rollouts;

/// <summary>
/// The legal transitions of a phase, as a table (docs/plans.md). Pure: the aggregate and the UI ask
/// it what is allowed; an illegal request gets an <see cref="IllegalTransition"/> naming the
/// current state and the allowed actions.
/// </summary>
public static class PhaseStateMachine
{
    private static readonly Dictionary<PhaseState, Dictionary<RolloutAction, PhaseState>> Table = new()
    {
        [PhaseState.Pending] = new()
        {
            [RolloutAction.Start] = PhaseState.Running,
            [RolloutAction.Abort] = PhaseState.Aborted,
        },
        [PhaseState.Running] = new()
        {
            [RolloutAction.Advance] = PhaseState.Completed,
            [RolloutAction.Hold] = PhaseState.Held,
            [RolloutAction.ChangeTraffic] = PhaseState.Running,
            [RolloutAction.RollBack] = PhaseState.RolledBack,
            [RolloutAction.Abort] = PhaseState.Aborted,
            [RolloutAction.RequestSignOff] = PhaseState.AwaitingSignOff,
            [RolloutAction.MarkPassed] = PhaseState.Passed,
        },
        [PhaseState.AwaitingSignOff] = new()
        {
            [RolloutAction.Advance] = PhaseState.Completed,
            [RolloutAction.Hold] = PhaseState.Held,
            [RolloutAction.RollBack] = PhaseState.RolledBack,
            [RolloutAction.Abort] = PhaseState.Aborted,
            [RolloutAction.MarkPassed] = PhaseState.Passed,
        },
        [PhaseState.Passed] = new()
        {
            [RolloutAction.Advance] = PhaseState.Completed,
            [RolloutAction.Hold] = PhaseState.Held,
            [RolloutAction.RollBack] = PhaseState.RolledBack,
            [RolloutAction.Abort] = PhaseState.Aborted,
        },
        [PhaseState.Held] = new()
        {
            [RolloutAction.Resume] = PhaseState.Running,
            [RolloutAction.RetryPhase] = PhaseState.Running,
            [RolloutAction.RollBack] = PhaseState.RolledBack,
            [RolloutAction.Abort] = PhaseState.Aborted,
        },
        [PhaseState.RolledBack] = [],
        [PhaseState.Aborted] = [],
        [PhaseState.Completed] = [],
    };

    /// <summary>The actions allowed in <paramref name="state"/>, in the order of <see cref="RolloutAction"/>.</summary>
    public static IReadOnlyList<RolloutAction> AllowedActions(PhaseState state) =>
        [.. Row(state).Keys.Order()];

    public static bool IsAllowed(PhaseState state, RolloutAction action) => Row(state).ContainsKey(action);

    /// <summary>True for states no action leaves: rolled back, aborted, completed.</summary>
    public static bool IsTerminal(PhaseState state) => Row(state).Count == 0;

    public static TransitionResult Apply(PhaseState state, RolloutAction action) =>
        Row(state).TryGetValue(action, out var next)
            ? TransitionResult.To(next)
            : TransitionResult.Illegal(new IllegalTransition(state, action, AllowedActions(state)));

    private static Dictionary<RolloutAction, PhaseState> Row(PhaseState state) =>
        Table.TryGetValue(state, out var row)
            ? row
            : throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown phase state.");
}
