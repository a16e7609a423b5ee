namespace Dashboard.Core.Plans;

/// <summary>
/// What an inconclusive criterion does to its checkpoint (plan JSON <c>onInconclusive</c>). Today
/// the only inconclusive result is NO_DATA; either way it is never a pass.
/// </summary>
public enum InconclusiveAction
{
    /// <summary>The criterion stays NO_DATA, which holds the phase for a person to look (the default).</summary>
    Pause,

    /// <summary>The criterion FAILs: for a rule where "we could not tell" is as bad as a breach.</summary>
    Fail,
}
