using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.Metrics;

/// <summary>
/// The JSON of <c>GET /api/metrics/snapshot</c> (docs/metrics.md). A metric without data is
/// <c>null</c>, never omitted.
/// </summary>
public sealed record MetricsSnapshotResponse(
    DateTimeOffset AsOf,
    int WindowSeconds,
    double? RevenueImpactPct,
    double? SegmentVariancePp,
    DateTimeOffset? NewestPointAt,
    CohortPair Cohorts,
    IReadOnlyDictionary<string, CohortPair> Segments,
    IReadOnlyDictionary<string, CohortPair> Regions)
{
    public static MetricsSnapshotResponse From(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new MetricsSnapshotResponse(
            snapshot.AsOf,
            snapshot.WindowSeconds,
            snapshot.RevenueImpactPct,
            SegmentVariance.OfCanaryErrorRate(snapshot.Segments),
            snapshot.NewestPointAt,
            snapshot.Cohorts,
            snapshot.Segments,
            snapshot.Regions);
    }
}
