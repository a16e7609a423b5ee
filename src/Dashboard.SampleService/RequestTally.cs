using Dashboard.Core.Metrics;

namespace Dashboard.SampleService;

/// <summary>The requests of one (segment, region) in one report interval, as the <c>requests</c> measurement counts them.</summary>
public sealed record RequestTally(string Segment, string Region, long Count, long Errors, IReadOnlyList<long> CumulativeBuckets)
{
    /// <summary>The bucket of a latency: the first whose upper bound (ms) holds it, +Inf last.</summary>
    public static int BucketOf(double latencyMs)
    {
        var bounds = LatencyHistogram.FiniteUpperBoundsMs;
        for (var i = 0; i < bounds.Count; i++)
        {
            if (latencyMs <= bounds[i])
            {
                return i;
            }
        }

        return bounds.Count;
    }
}
