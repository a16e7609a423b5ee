using Dashboard.Core.Metrics;

namespace Dashboard.SampleService;

/// <summary>
/// Counts this instance's requests per (segment, region) until <see cref="Drain"/> hands them to
/// the writer; thread-safe, cheap enough for every request.
/// </summary>
public sealed class RequestAggregator
{
    private readonly Lock _lock = new();
    private Dictionary<(string Segment, string Region), Counts> _current = [];

    public void Record(string segment, string region, TimeSpan latency, bool isError)
    {
        var bucket = RequestTally.BucketOf(latency.TotalMilliseconds);
        lock (_lock)
        {
            if (!_current.TryGetValue((segment, region), out var counts))
            {
                counts = new Counts();
                _current[(segment, region)] = counts;
            }

            counts.Count++;
            counts.Errors += isError ? 1 : 0;
            counts.PerBucket[bucket]++;
        }
    }

    /// <summary>Returns the tallies since the previous drain (only series that saw requests) and starts afresh.</summary>
    public IReadOnlyList<RequestTally> Drain()
    {
        Dictionary<(string Segment, string Region), Counts> drained;
        lock (_lock)
        {
            drained = _current;
            _current = [];
        }

        return [.. drained
            .OrderBy(entry => entry.Key.Segment, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Region, StringComparer.Ordinal)
            .Select(entry => new RequestTally(entry.Key.Segment, entry.Key.Region, entry.Value.Count, entry.Value.Errors, Cumulate(entry.Value.PerBucket)))];
    }

    private static long[] Cumulate(long[] perBucket)
    {
        var cumulative = new long[perBucket.Length];
        long sum = 0;
        for (var i = 0; i < perBucket.Length; i++)
        {
            sum += perBucket[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }

    private sealed class Counts
    {
        public long Count { get; set; }

        public long Errors { get; set; }

        public long[] PerBucket { get; } = new long[LatencyHistogram.BucketCount];
    }
}
