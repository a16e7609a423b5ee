using Dashboard.Core.Checkpoints;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// Every criterion of a checkpoint in one table: values since the phase start and over the last
/// interval, threshold and WARN margin, both verdicts, the trend since the previous checkpoint, the
/// rule in words and why there was no data. With a <see cref="Rerun"/>, the fresh values sit beside
/// the stored ones and those that changed are marked.
/// </summary>
public sealed partial class CriterionTable
{
    /// <summary>The stored evaluation.</summary>
    [Parameter, EditorRequired]
    public required CheckpointEvaluation Evaluation { get; set; }

    /// <summary>A re-run of the same window, if someone asked for one.</summary>
    [Parameter]
    public CheckpointRerun? Rerun { get; set; }

    private string TrendText(string metric) =>
        Evaluation.Trends.FirstOrDefault(t => t.Metric == metric)?.Trend switch
        {
            MetricTrend.Rising => "↑ rising",
            MetricTrend.Falling => "↓ falling",
            MetricTrend.Stable => "→ stable",
            _ => "—",
        };

    private static string? Changed(bool? differs) => differs == true ? "value-changed" : null;

    // Blazor drops a false boolean attribute; the test hook should always say which.
    private static string Flag(bool? differs) => differs == true ? "true" : "false";
}
