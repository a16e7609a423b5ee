using Dashboard.Core.Metrics;

namespace Dashboard.Web.Shared.Charts;

/// <summary>Splits a line where data is missing, so a chart never draws a straight line across a gap.</summary>
public static class LineSegments
{
    /// <summary>
    /// The runs of consecutive points with values: a null value ends a run, and so does a step longer than
    /// <paramref name="bucket"/> (with a little slack for timestamps that wobble), which means buckets were left out.
    /// A point that covers several merged buckets (<see cref="SeriesPoint.Covers"/>) is measured from its end.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(DateTimeOffset At, double Value)>> Of(IReadOnlyList<SeriesPoint> points, TimeSpan bucket)
    {
        ArgumentNullException.ThrowIfNull(points);
        var slack = bucket * 0.5;
        var previousEnd = DateTimeOffset.MinValue;
        var segments = new List<IReadOnlyList<(DateTimeOffset, double)>>();
        var current = new List<(DateTimeOffset At, double Value)>();
        foreach (var point in points)
        {
            if (point.Value is not { } value || (current.Count > 0 && point.Time - previousEnd > slack))
            {
                Close();
            }

            if (point.Value is { } present)
            {
                current.Add((point.Time, present));
                previousEnd = point.Time + (point.Covers > bucket ? point.Covers : bucket);
            }
        }

        Close();
        return segments;

        void Close()
        {
            if (current.Count > 0)
            {
                segments.Add(current);
                current = [];
            }
        }
    }
}
