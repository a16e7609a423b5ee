namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// A variant of the sequential judge to replay beside others on the same canaries (docs/guardrails.md, "A regression
/// that starts late"): the <see cref="EvidenceTrack"/> with these late starts, or an oracle that knows when the fault
/// began and tests from there only.
/// </summary>
/// <param name="Name">How the bench's table names it.</param>
/// <param name="LateStarts">Each epoch's later starting points; null: the monitor's default.</param>
/// <param name="KnowsOnset">An oracle: the track starts at the fault's onset, without late starts (at epoch 0's α).</param>
public sealed record BacktestDesign(string Name, LateStarts? LateStarts = null, bool KnowsOnset = false)
{
    /// <summary>The judge as the monitor runs it.</summary>
    public static BacktestDesign Monitor { get; } = new("monitor");

    /// <summary>Knows the onset: what no judge that must find the onset itself can beat at the same α.</summary>
    public static BacktestDesign Oracle { get; } = new("knows the onset", LateStarts.None, KnowsOnset: true);
}
