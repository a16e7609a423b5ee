using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Shared.Charts;

/// <summary>Where a chart's lines go: its time range, bucket, threshold line, the box they are drawn in and how its time axis is written.</summary>
/// <param name="From">Start of the time axis, at <see cref="PlotArea.Left"/>.</param>
/// <param name="To">End of the time axis, at <see cref="PlotArea.Right"/>.</param>
/// <param name="Bucket">The spacing of the points: a longer step between two points is a gap (<see cref="LineSegments"/>).</param>
/// <param name="Threshold">The threshold line, which the value axis makes room for; null for none.</param>
/// <param name="Area">The box the lines are drawn in.</param>
/// <param name="Display">The viewer's times: UTC, and local time under it when they asked for it (<see cref="TimeAxis"/>).</param>
public readonly record struct ChartLayout(DateTimeOffset From, DateTimeOffset To, TimeSpan Bucket, double? Threshold, PlotArea Area, TimeDisplay Display);
