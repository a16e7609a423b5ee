using System.Runtime.CompilerServices;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// Shares a <see cref="ChartDrawing"/> between every open page that charts the same points in the same layout: all
/// viewers of the live dashboard see the poller's one snapshot, so each circuit held its own copy of the same path
/// strings (and Blazor keeps a component's last two render trees). A drawing is remembered against its first line's
/// points, the very list the snapshot holds, and is forgotten with it; a few layouts are kept per list (local time
/// on or off, another followed rollout's threshold).
/// </summary>
public static class ChartDrawings
{
    private const int LayoutsPerSeries = 4;

    // Weak on the points list: a snapshot's drawings go when nothing holds the snapshot any more.
    private static readonly ConditionalWeakTable<object, List<ChartDrawing>> ByFirstSeries = [];

    /// <summary>The drawing of <paramref name="lines"/> in <paramref name="layout"/>: one already made for the same points and layout, or a new one.</summary>
    public static ChartDrawing For(IReadOnlyList<ChartLine> lines, ChartLayout layout)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return ChartDrawing.Draw(lines, layout);
        }

        var recent = ByFirstSeries.GetValue(lines[0].Points, _ => []);
        lock (recent)
        {
            var index = recent.FindIndex(drawing => drawing.Layout == layout && SamePoints(drawing.Source, lines));
            var found = index >= 0 ? recent[index] : ChartDrawing.Draw(lines, layout);
            if (index != 0)
            {
                if (index > 0)
                {
                    recent.RemoveAt(index);
                }
                else if (recent.Count == LayoutsPerSeries)
                {
                    recent.RemoveAt(LayoutsPerSeries - 1);
                }

                recent.Insert(0, found);
            }

            return found;
        }
    }

    private static bool SamePoints(IReadOnlyList<ChartLine> drawn, IReadOnlyList<ChartLine> lines) =>
        drawn.Count == lines.Count
        && drawn.Zip(lines).All(pair => pair.First.Cohort == pair.Second.Cohort && ReferenceEquals(pair.First.Points, pair.Second.Points));
}
