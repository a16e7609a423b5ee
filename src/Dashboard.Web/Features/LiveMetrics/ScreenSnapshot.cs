using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// A snapshot cut down to what <c>/warroom</c> shows: its window and the headline tiles' values. Segments, regions and
/// the cohorts' other metrics are for people's pages only.
/// </summary>
public sealed record ScreenSnapshot(DateTimeOffset AsOf, int WindowSeconds, DateTimeOffset? NewestPointAt, IReadOnlyList<ScreenTile> Tiles)
{
    public static ScreenSnapshot From(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var tiles = HeadlineTiles.PerCohort
            .Select(definition => new ScreenTile(definition.Key, definition.SnapshotValue(snapshot), definition.CohortValue(snapshot, Cohort.Baseline)))
            .Append(new ScreenTile(HeadlineTiles.SingleValue.Key, HeadlineTiles.SingleValue.SnapshotValue(snapshot), null))
            .ToList();
        return new(snapshot.AsOf, snapshot.WindowSeconds, snapshot.NewestPointAt, tiles);
    }
}
