using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// One criterion of a re-run beside the stored verdict: the values and verdicts then and now and how
/// many sample intervals had data. <see cref="Differs"/> marks a change — late-arriving data shows up so.
/// A criterion found in only one of the two has nulls on the other side.
/// </summary>
public sealed record CriterionChange(
    string Metric,
    double? StoredCumulative,
    double? FreshCumulative,
    double? StoredLastInterval,
    double? FreshLastInterval,
    Verdict? StoredVerdict,
    Verdict? FreshVerdict,
    int StoredSamples,
    int FreshSamples)
{
    public bool CumulativeDiffers => !Same(StoredCumulative, FreshCumulative);

    public bool LastIntervalDiffers => !Same(StoredLastInterval, FreshLastInterval);

    public bool VerdictDiffers => StoredVerdict != FreshVerdict;

    public bool SamplesDiffer => StoredSamples != FreshSamples;

    public bool Differs => CumulativeDiffers || LastIntervalDiffers || VerdictDiffers || SamplesDiffer;

    // The same query over the same points gives the same double; the tolerance only absorbs
    // last-digit noise of InfluxDB's float sums, never a real late point.
    private static bool Same(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))),
            _ => false,
        };
}
