using Dashboard.Core.Metrics;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// One cohort's line: its points in time order, a null value for a bucket that had no data. A null point
/// or a step wider than the chart's bucket breaks the line (<see cref="LineSegments"/>).
/// </summary>
public sealed record ChartLine(Cohort Cohort, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>"Baseline" or "Canary", as the legend and the hover text say.</summary>
    public string Name => Cohort == Cohort.Canary ? "Canary" : "Baseline";
}
