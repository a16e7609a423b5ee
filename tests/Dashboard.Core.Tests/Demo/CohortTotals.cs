using Dashboard.Core.Demo;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Demo;

/// <summary>Sums of one cohort's samples, with the derived metrics the dashboard computes from them.</summary>
internal sealed class CohortTotals
{
    private readonly long[] _histogram = new long[LatencyCounts.UpperBoundsMs.Count];

    public long Requests { get; private set; }
    public long Errors { get; private set; }
    public long ProbesOk { get; private set; }
    public long ProbesTotal { get; private set; }
    public long Learners { get; private set; }
    public double Revenue { get; private set; }
    public long CacheHits { get; private set; }
    public long CacheMisses { get; private set; }
    public double CpuSum { get; private set; }
    public int Samples { get; private set; }

    public double ErrorRatePct => 100.0 * Errors / Requests;
    public double AvailabilityPct => 100.0 * ProbesOk / ProbesTotal;
    public double RevenuePerLearner => Revenue / Learners;
    public double CacheEfficiencyPct => 100.0 * CacheHits / (CacheHits + CacheMisses);
    public double MeanCpuPct => CpuSum / Samples;

    public static CohortTotals Of(IEnumerable<TrafficSample> samples, Cohort cohort)
    {
        var totals = new CohortTotals();
        foreach (var sample in samples.Where(s => s.Cohort == cohort))
        {
            totals.Add(sample);
        }

        return totals;
    }

    /// <summary>Histogram quantile by linear interpolation inside the bucket, as Prometheus does.</summary>
    public double LatencyQuantileMs(double quantile)
    {
        var bounds = LatencyCounts.UpperBoundsMs;
        var rank = quantile * _histogram[^1];
        for (var i = 0; i < bounds.Count; i++)
        {
            if (_histogram[i] >= rank)
            {
                var lower = i == 0 ? 0 : bounds[i - 1];
                var below = i == 0 ? 0 : _histogram[i - 1];
                if (double.IsPositiveInfinity(bounds[i]))
                {
                    return lower;
                }

                return lower + ((bounds[i] - lower) * (rank - below) / (_histogram[i] - below));
            }
        }

        return double.NaN;
    }

    private void Add(TrafficSample sample)
    {
        Requests += sample.Requests;
        Errors += sample.Errors;
        ProbesOk += sample.ProbesOk;
        ProbesTotal += sample.ProbesTotal;
        Learners += sample.ActiveLearners;
        Revenue += sample.Revenue;
        CacheHits += sample.CacheHits;
        CacheMisses += sample.CacheMisses;
        CpuSum += sample.CpuPct;
        Samples++;
        for (var i = 0; i < _histogram.Length; i++)
        {
            _histogram[i] += sample.Latency.Cumulative[i];
        }
    }
}
