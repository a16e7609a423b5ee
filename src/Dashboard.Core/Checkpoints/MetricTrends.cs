namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The trend of a criterion's metric between two checkpoints, on the <b>last-interval</b> values:
/// the cumulative value changes less and less as the phase goes on, so it would hide a recent turn.
/// The tolerance is half the criterion's WARN margin — a move that size, repeated, would cross the
/// whole WARN zone within two checkpoints; without a margin it is 1 % of the threshold's size, and
/// for a zero threshold (counts that must stay 0) any change is a trend.
/// </summary>
public static class MetricTrends
{
    public static double Tolerance(CriterionEvaluation criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.WarnMargin > 0 ? criterion.WarnMargin / 2 : Math.Abs(criterion.Threshold) / 100;
    }

    /// <summary>Unknown when either value is missing; Stable when |current − previous| ≤ tolerance.</summary>
    public static MetricTrend Of(double? previous, double? current, double tolerance)
    {
        if (previous is not { } before || current is not { } now || double.IsNaN(before) || double.IsNaN(now))
        {
            return MetricTrend.Unknown;
        }

        var change = now - before;
        return Math.Abs(change) <= tolerance ? MetricTrend.Stable : change > 0 ? MetricTrend.Rising : MetricTrend.Falling;
    }

    /// <summary>One trend per criterion of <paramref name="current"/>, against the same metric in <paramref name="previous"/>.</summary>
    public static IReadOnlyList<CriterionTrend> Between(CheckpointEvaluation? previous, IReadOnlyList<CriterionEvaluation> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return [.. current.Select(criterion =>
        {
            var before = previous?.Criteria.FirstOrDefault(old => old.Metric == criterion.Metric)?.LastIntervalValue;
            var tolerance = Tolerance(criterion);
            return new CriterionTrend(criterion.Metric, before, criterion.LastIntervalValue, tolerance, Of(before, criterion.LastIntervalValue, tolerance));
        })];
    }
}
