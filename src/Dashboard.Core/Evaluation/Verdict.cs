namespace Dashboard.Core.Evaluation;

/// <summary>The outcome of checking one value against one criterion (docs/checkpoints.md).</summary>
public enum Verdict
{
    /// <summary>No value to judge: missing data is never a pass.</summary>
    NoData,
    Pass,
    /// <summary>Passing, but inside the warning margin of the threshold.</summary>
    Warn,
    Fail,
}
