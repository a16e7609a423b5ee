namespace Dashboard.Core.Statistics;

/// <summary>
/// The Hodges–Lehmann estimate of the shift between two samples and the matching
/// distribution-free confidence interval (Hollander &amp; Wolfe; R's <c>wilcox.test(conf.int = TRUE)</c>
/// in its exact form).
/// </summary>
/// <remarks>
/// With the m·n differences Dᵢⱼ = xᵢ − yⱼ sorted, the interval is [D₍ₖ₎, D₍ₘₙ₋ₖ₊₁₎], where k is
/// the largest rank with P(U ≤ k − 1) &lt; α/2 under the null distribution of U. The exact
/// distribution gives k as R's <c>qwilcox(α/2, m, n)</c>; otherwise the normal approximation
/// with continuity correction gives k = ⌊m·n/2 − z₁₋α/₂·σ + ½⌋, σ corrected for the ties of the
/// pooled sample. R's large-sample interval inverts the test by root finding instead; both are
/// asymptotically the same, the order statistic is always one of the observed differences.
/// </remarks>
public static class HodgesLehmann
{
    /// <summary>The median of all differences xᵢ − yⱼ (NaN and ±∞ dropped first).</summary>
    public static double Estimate(IEnumerable<double> x, IEnumerable<double> y)
    {
        var sortedX = FiniteSamples.SortedFrom(x);
        var sortedY = FiniteSamples.SortedFrom(y);
        RequireValues(sortedX, sortedY);
        return PairwiseDifferences.Median(sortedX, sortedY);
    }

    /// <summary>The estimate with its two-sided interval at <paramref name="confidence"/> (e.g. 0.98).</summary>
    public static ShiftEstimate Compute(IEnumerable<double> x, IEnumerable<double> y, double confidence) =>
        ComputeSorted(FiniteSamples.SortedFrom(x), FiniteSamples.SortedFrom(y), confidence);

    /// <summary>As <see cref="Compute"/>, on samples sorted ascending and free of NaN and ±∞.</summary>
    internal static ShiftEstimate ComputeSorted(double[] x, double[] y, double confidence)
    {
        RequireValues(x, y);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence strictly between 0 and 1 is required.");
        }

        var ranks = RankSums.Of(x, y);
        var exact = MannWhitneyU.UsesExactDistribution(x.Length, y.Length, ranks.HasTies);
        var (k, achieved) = exact
            ? ExactRank(x.Length, y.Length, confidence)
            : NormalRank(x.Length, y.Length, ranks.TieCorrection, confidence);
        var pairs = (long)x.Length * y.Length;
        return new ShiftEstimate(
            PairwiseDifferences.Median(x, y),
            PairwiseDifferences.KthSmallest(x, y, k),
            PairwiseDifferences.KthSmallest(x, y, pairs - k + 1),
            confidence,
            achieved,
            exact ? NullDistribution.Exact : NullDistribution.NormalApproximation);
    }

    private static (long Rank, double Achieved) ExactRank(int m, int n, double confidence)
    {
        var distribution = UDistribution.For(m, n);
        var rank = Math.Max(1, distribution.Quantile((1 - confidence) / 2));
        return (rank, 1 - (2 * distribution.Cdf(rank - 1)));
    }

    private static (long Rank, double Achieved) NormalRank(int m, int n, double tieCorrection, double confidence)
    {
        var mean = (double)m * n / 2;
        var sigma = MannWhitneyU.Sigma(m, n, tieCorrection);
        if (sigma == 0)
        {
            // Every pooled value is the same: all differences are 0 and any interval covers.
            return ((long)Math.Ceiling(mean), 1.0);
        }

        var z = StandardNormal.Quantile(1 - ((1 - confidence) / 2));
        var rank = Math.Max(1L, (long)Math.Floor(mean - (z * sigma) + 0.5));
        return (rank, 1 - (2 * StandardNormal.Cdf((rank - 0.5 - mean) / sigma)));
    }

    private static void RequireValues(double[] x, double[] y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("The Hodges–Lehmann estimate needs at least one finite value in each sample.");
        }
    }
}
