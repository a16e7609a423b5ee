using Dashboard.Core.Checkpoints;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>People's words for the checkpoint decisions (docs/checkpoints.md).</summary>
public static class DecisionLabels
{
    public static string Label(CheckpointDecision decision) => decision switch
    {
        CheckpointDecision.Continue => "Continue",
        CheckpointDecision.MonitorClosely => "Monitor closely",
        CheckpointDecision.ReduceTraffic => "Reduce traffic",
        CheckpointDecision.Abort => "Abort",
        _ => decision.ToString(),
    };

    /// <summary>The label of a stored decision name; the name itself if it is not one.</summary>
    public static string Label(string decision) =>
        Enum.TryParse<CheckpointDecision>(decision, out var parsed) ? Label(parsed) : decision;
}
