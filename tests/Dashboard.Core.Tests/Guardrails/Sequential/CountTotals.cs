using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>One cohort's totals over one interval: requests with errors, half of them under 100 ms, none over 250 ms, 90 good probes.</summary>
internal static class CountTotals
{
    public static WindowTotals Of(long requests, long errors, bool torn = false)
    {
        double[] buckets = [0, 0, requests / 2, requests, requests, requests, requests, requests, torn ? requests - 1 : requests];
        return WindowTotals.OfRequests(requests, errors, new LatencyHistogram(buckets)) with { ProbesOk = 90, ProbesTotal = 90 };
    }
}
