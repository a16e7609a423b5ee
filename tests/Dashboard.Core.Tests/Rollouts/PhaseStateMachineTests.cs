using Dashboard.Core.Rollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class PhaseStateMachineTests
{
    // The table of docs/plans.md, restated independently of the implementation.
    private static readonly Dictionary<(PhaseState, RolloutAction), PhaseState> Legal = new()
    {
        [(PhaseState.Pending, RolloutAction.Start)] = PhaseState.Running,
        [(PhaseState.Pending, RolloutAction.Abort)] = PhaseState.Aborted,
        [(PhaseState.Running, RolloutAction.Advance)] = PhaseState.Completed,
        [(PhaseState.Running, RolloutAction.Hold)] = PhaseState.Held,
        [(PhaseState.Running, RolloutAction.ChangeTraffic)] = PhaseState.Running,
        [(PhaseState.Running, RolloutAction.RollBack)] = PhaseState.RolledBack,
        [(PhaseState.Running, RolloutAction.Abort)] = PhaseState.Aborted,
        [(PhaseState.Running, RolloutAction.RequestSignOff)] = PhaseState.AwaitingSignOff,
        [(PhaseState.Running, RolloutAction.MarkPassed)] = PhaseState.Passed,
        [(PhaseState.AwaitingSignOff, RolloutAction.Advance)] = PhaseState.Completed,
        [(PhaseState.AwaitingSignOff, RolloutAction.Hold)] = PhaseState.Held,
        [(PhaseState.AwaitingSignOff, RolloutAction.RollBack)] = PhaseState.RolledBack,
        [(PhaseState.AwaitingSignOff, RolloutAction.Abort)] = PhaseState.Aborted,
        [(PhaseState.AwaitingSignOff, RolloutAction.MarkPassed)] = PhaseState.Passed,
        [(PhaseState.Passed, RolloutAction.Advance)] = PhaseState.Completed,
        [(PhaseState.Passed, RolloutAction.Hold)] = PhaseState.Held,
        [(PhaseState.Passed, RolloutAction.RollBack)] = PhaseState.RolledBack,
        [(PhaseState.Passed, RolloutAction.Abort)] = PhaseState.Aborted,
        [(PhaseState.Held, RolloutAction.Resume)] = PhaseState.Running,
        [(PhaseState.Held, RolloutAction.RetryPhase)] = PhaseState.Running,
        [(PhaseState.Held, RolloutAction.RollBack)] = PhaseState.RolledBack,
        [(PhaseState.Held, RolloutAction.Abort)] = PhaseState.Aborted,
    };

    public static TheoryData<PhaseState, RolloutAction, PhaseState> LegalTransitions
    {
        get
        {
            var data = new TheoryData<PhaseState, RolloutAction, PhaseState>();
            foreach (var ((from, action), to) in Legal)
            {
                data.Add(from, action, to);
            }

            return data;
        }
    }

    public static TheoryData<PhaseState, RolloutAction> IllegalTransitions
    {
        get
        {
            var data = new TheoryData<PhaseState, RolloutAction>();
            foreach (var state in Enum.GetValues<PhaseState>())
            {
                foreach (var action in Enum.GetValues<RolloutAction>().Where(action => !Legal.ContainsKey((state, action))))
                {
                    data.Add(state, action);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Apply_LegalTransition_GoesToTheNextState(PhaseState from, RolloutAction action, PhaseState expected)
    {
        var result = PhaseStateMachine.Apply(from, action);

        Assert.True(result.IsAllowed);
        Assert.Equal(expected, result.NewState);
        Assert.True(PhaseStateMachine.IsAllowed(from, action));
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Apply_IllegalTransition_NamesTheStateAndTheAllowedActions(PhaseState from, RolloutAction action)
    {
        var result = PhaseStateMachine.Apply(from, action);

        Assert.False(result.IsAllowed);
        Assert.Null(result.NewState);
        Assert.Equal(from, result.Error.Current);
        Assert.Equal(action, result.Error.Attempted);
        Assert.Equal(PhaseStateMachine.AllowedActions(from), result.Error.Allowed);
        Assert.False(PhaseStateMachine.IsAllowed(from, action));
    }

    [Fact]
    public void AllowedActions_EveryState_MatchesTheTable()
    {
        foreach (var state in Enum.GetValues<PhaseState>())
        {
            var expected = Legal.Keys.Where(key => key.Item1 == state).Select(key => key.Item2).Order();

            Assert.Equal(expected, PhaseStateMachine.AllowedActions(state));
        }
    }

    [Theory]
    [InlineData(PhaseState.RolledBack)]
    [InlineData(PhaseState.Aborted)]
    [InlineData(PhaseState.Completed)]
    public void TerminalState_AllowsNothing(PhaseState state)
    {
        Assert.True(PhaseStateMachine.IsTerminal(state));
        Assert.Empty(PhaseStateMachine.AllowedActions(state));
        Assert.Contains("nothing, the state is final", PhaseStateMachine.Apply(state, RolloutAction.Resume).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IllegalTransition_Message_ListsTheAllowedActions()
    {
        var error = PhaseStateMachine.Apply(PhaseState.Held, RolloutAction.Advance).Error!;

        Assert.Equal("Advance is not allowed while the phase is Held; allowed: Resume, RollBack, Abort, RetryPhase", error.Message);
    }

    [Fact]
    public void ChangeTraffic_IsAllowedOnlyInARunningPhase()
    {
        var states = Enum.GetValues<PhaseState>().Where(state => PhaseStateMachine.IsAllowed(state, RolloutAction.ChangeTraffic));

        Assert.Equal([PhaseState.Running], states);
    }
}
