using System.Globalization;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// Which count ratio to read from a cohort's <see cref="WindowTotals"/>; <see cref="BoundMs"/> is the
/// histogram bucket bound for <see cref="CountSignalKind.SlowRequests"/> (one of
/// <see cref="LatencyHistogram.FiniteUpperBoundsMs"/>), null otherwise.
/// </summary>
public sealed record CountSignal(CountSignalKind Kind, double? BoundMs = null)
{
    public static CountSignal Errors { get; } = new(CountSignalKind.Errors);

    public static CountSignal FailedProbes { get; } = new(CountSignalKind.FailedProbes);

    public static CountSignal SlowerThan(double boundMs)
    {
        if (!LatencyHistogram.FiniteUpperBoundsMs.Contains(boundMs))
        {
            throw new ArgumentOutOfRangeException(nameof(boundMs), boundMs, "A slow-request signal needs a histogram bucket bound.");
        }

        return new CountSignal(CountSignalKind.SlowRequests, boundMs);
    }

    /// <summary>The cohort's trials and bad events in <paramref name="totals"/> (null: the cohort wrote nothing).</summary>
    /// <param name="totals">One cohort's totals of one interval.</param>
    /// <param name="missing">The flaw to report when there are no trials.</param>
    public CountReading Read(WindowTotals? totals, DataFlaw missing)
    {
        if (totals is null)
        {
            return CountReading.Flawed(missing);
        }

        switch (Kind)
        {
            case CountSignalKind.FailedProbes:
                var ok = CountReading.Of(totals.ProbesTotal, totals.ProbesOk, missing);
                return ok.IsUsable ? ok with { Events = ok.Trials - ok.Events } : ok;
            case CountSignalKind.Errors when totals.IncompletePoints:
            case CountSignalKind.SlowRequests when totals.IncompletePoints:
                return CountReading.Flawed(DataFlaw.TornPoints);
            case CountSignalKind.Errors:
                return CountReading.Of(totals.Requests, totals.Errors, missing);
            default:
                var histogram = totals.Latency;
                if (!histogram.IsMonotonic || (totals.Requests is { } requests && requests != histogram.Observations))
                {
                    return CountReading.Flawed(DataFlaw.TornPoints);
                }

                var index = LatencyHistogram.FiniteUpperBoundsMs.ToList().IndexOf(BoundMs!.Value);
                return CountReading.Of(totals.Requests, histogram.Observations - histogram.CumulativeCounts[index], missing);
        }
    }

    /// <summary>"errors", "requests over 250 ms", "failed probes".</summary>
    public override string ToString() => Kind switch
    {
        CountSignalKind.Errors => "errors",
        CountSignalKind.FailedProbes => "failed probes",
        _ => string.Create(CultureInfo.InvariantCulture, $"requests over {BoundMs:0} ms"),
    };
}
