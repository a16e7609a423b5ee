namespace Dashboard.Web.Shared.Charts;

/// <summary>One line of a <see cref="ChartDrawing"/>: a path per unbroken run of points, and a dot per point drawn alone.</summary>
/// <param name="Paths">The SVG path data of each run of two or more points.</param>
/// <param name="Dots">The points drawn as dots: every point of a line with few, else those without a neighbour.</param>
public sealed record LineDrawing(IReadOnlyList<string> Paths, IReadOnlyList<Dot> Dots);
