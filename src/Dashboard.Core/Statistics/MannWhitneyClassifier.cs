using static System.FormattableString;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Classifies one metric, canary against baseline, in the manner of Kayenta's Mann–Whitney
/// classifier: the Hodges–Lehmann shift canary − baseline and its interval at
/// <see cref="CanaryJudgeOptions.Confidence"/> are compared with the tolerance
/// t = <see cref="CanaryJudgeOptions.ToleranceFraction"/> × |shift|.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>NoData when either side has fewer finite samples than <see cref="CanaryJudgeOptions.MinimumSamples"/>.</item>
/// <item>High when an increase is harmful, p &lt; 1 − confidence, the interval's lower end is above t and
/// the relative effect reaches <see cref="CanaryJudgeOptions.MinimumRelativeEffect"/>.</item>
/// <item>Low likewise when a decrease is harmful and the interval's upper end is below −t.</item>
/// <item>Pass otherwise — including a clear shift the harmless way (faster latency is not a failure).</item>
/// </list>
/// Kayenta decides on the interval alone; the p-value condition is ours. It only matters when the
/// samples are too small to reach the confidence (e.g. 3 against 3), where the interval falls
/// back to the full range and would otherwise fail a canary on a p-value of 0.1.
/// </remarks>
public sealed class MannWhitneyClassifier
{
    private readonly CanaryJudgeOptions _options;

    public MannWhitneyClassifier(CanaryJudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
    }

    public MetricComparison Classify(MetricSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var canary = FiniteSamples.SortedFrom(samples.Canary);
        var baseline = FiniteSamples.SortedFrom(samples.Baseline);
        if (canary.Length < _options.MinimumSamples || baseline.Length < _options.MinimumSamples)
        {
            var reason = Invariant($"Not enough data: {canary.Length} canary and {baseline.Length} baseline samples, at least {_options.MinimumSamples} each are needed.");
            return new MetricComparison(samples.Metric, MetricClassification.NoData, reason, samples.HarmfulDirection,
                canary.Length, baseline.Length, MedianOrNull(canary), MedianOrNull(baseline), null, null, null, null, samples.Weight, samples.Critical);
        }

        var test = MannWhitneyU.TestSorted(canary, baseline);
        var shift = HodgesLehmann.ComputeSorted(canary, baseline, _options.Confidence);
        var baselineMedian = Median(baseline);
        double? relativeEffect = baselineMedian == 0 ? null : shift.Estimate / Math.Abs(baselineMedian);
        var tolerance = _options.ToleranceFraction * Math.Abs(shift.Estimate);
        var (classification, why) = Decide(samples.HarmfulDirection, test, shift, relativeEffect, tolerance);
        return new MetricComparison(samples.Metric, classification, why, samples.HarmfulDirection,
            canary.Length, baseline.Length, Median(canary), baselineMedian, test, shift, relativeEffect, tolerance, samples.Weight, samples.Critical);
    }

    private (MetricClassification Classification, string Reason) Decide(
        HarmfulDirection harmful, MannWhitneyResult test, ShiftEstimate shift, double? relativeEffect, double tolerance)
    {
        var alpha = 1 - _options.Confidence;
        var interval = Invariant($"shift {shift.Estimate:+0.####;-0.####;0} ({shift.Confidence:P0} CI {shift.Lower:0.####} to {shift.Upper:0.####})");
        if (!(test.PValue < alpha))
        {
            return (MetricClassification.Pass, Invariant($"No significant difference: p = {test.PValue:G3} is not below {alpha:G3}; {interval}."));
        }

        var raised = shift.Lower > tolerance;
        var lowered = shift.Upper < -tolerance;
        if (!raised && !lowered)
        {
            return (MetricClassification.Pass, Invariant($"Significant (p = {test.PValue:G3}) but the interval reaches inside the tolerance ±{tolerance:0.####}: {interval}."));
        }

        if (_options.MinimumRelativeEffect > 0 && relativeEffect is { } relative && Math.Abs(relative) < _options.MinimumRelativeEffect)
        {
            return (MetricClassification.Pass, Invariant($"Significant but small: {interval} is {relative:+0.##%;-0.##%} of the baseline median, below {_options.MinimumRelativeEffect:0.##%}."));
        }

        var higher = raised ? "higher" : "lower";
        if (raised && harmful is HarmfulDirection.Increase or HarmfulDirection.Either)
        {
            return (MetricClassification.High, Invariant($"Canary is {higher} than baseline (p = {test.PValue:G3}): {interval}."));
        }

        if (lowered && harmful is HarmfulDirection.Decrease or HarmfulDirection.Either)
        {
            return (MetricClassification.Low, Invariant($"Canary is {higher} than baseline (p = {test.PValue:G3}): {interval}."));
        }

        return (MetricClassification.Pass, Invariant($"Canary is {higher} than baseline (p = {test.PValue:G3}), which is not harmful for this metric: {interval}."));
    }

    private static double? MedianOrNull(double[] sorted) => sorted.Length == 0 ? null : Median(sorted);

    private static double Median(double[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
