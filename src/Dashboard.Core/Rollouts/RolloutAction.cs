namespace Dashboard.Core.Rollouts;

/// <summary>What can be asked of the current phase. The first seven are the people's actions; the rest come from automation.</summary>
public enum RolloutAction
{
    Start,
    Advance,
    Hold,
    Resume,
    ChangeTraffic,
    RollBack,
    Abort,

    /// <summary>The phase's window is over and its gate needs sign-off.</summary>
    RequestSignOff,

    /// <summary>Every checkpoint passed (auto-advance gate) or every required role signed off.</summary>
    MarkPassed,

    /// <summary>Run a held phase again from its start (the failed-phase policy's retry).</summary>
    RetryPhase,
}
