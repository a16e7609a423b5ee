namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>One headline tile's values as the war room shows them.</summary>
/// <param name="Metric">The metric's key, e.g. <c>errorRatePct</c> (see <see cref="HeadlineTiles"/>).</param>
/// <param name="Canary">The tile's value: the canary's, or the comparison for revenue impact.</param>
/// <param name="Baseline">The baseline's value beside it; null for the single-value tile.</param>
public sealed record ScreenTile(string Metric, double? Canary, double? Baseline);
