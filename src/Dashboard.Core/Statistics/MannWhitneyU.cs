namespace Dashboard.Core.Statistics;

/// <summary>
/// The two-sided Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples, with
/// the conventions of R's <c>wilcox.test(x, y)</c>: the exact distribution of U when there are
/// no ties and both samples have at most <see cref="UDistribution.MaximumSampleSize"/> values,
/// otherwise the normal approximation with continuity correction and tie-corrected variance.
/// </summary>
/// <remarks>
/// Exact small-sample p-values matter here: a checkpoint often compares a few dozen
/// per-interval values, where the normal approximation is off in the second digit, and R's
/// behaviour gives published values to test against (Kayenta itself calls a JVM port of
/// R's <c>wilcox.test</c> for the confidence interval).
/// </remarks>
public static class MannWhitneyU
{
    /// <summary>Tests x against y. NaN and ±∞ are dropped first; each needs one value left.</summary>
    public static MannWhitneyResult Test(IEnumerable<double> x, IEnumerable<double> y) =>
        TestSorted(FiniteSamples.SortedFrom(x), FiniteSamples.SortedFrom(y));

    /// <summary>The test on samples already sorted ascending and free of NaN and ±∞.</summary>
    internal static MannWhitneyResult TestSorted(double[] x, double[] y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("The Mann–Whitney test needs at least one finite value in each sample.");
        }

        var ranks = RankSums.Of(x, y);
        double m = x.Length, n = y.Length;
        var ux = ranks.SumOfXRanks - (m * (m + 1) / 2);
        var uy = (m * n) - ux;
        var z = ZScore(ux, m, n, ranks.TieCorrection);
        var exact = UsesExactDistribution(x.Length, y.Length, ranks.HasTies);
        var p = exact ? ExactPValue((int)Math.Round(ux), x.Length, y.Length) : StandardNormal.TwoSidedPValue(z);
        return new MannWhitneyResult(x.Length, y.Length, ux, uy, z, p, exact ? NullDistribution.Exact : NullDistribution.NormalApproximation, ranks.HasTies);
    }

    /// <summary>R's rule: exact when untied and both samples are smaller than 50.</summary>
    internal static bool UsesExactDistribution(int m, int n, bool hasTies) =>
        !hasTies && m <= UDistribution.MaximumSampleSize && n <= UDistribution.MaximumSampleSize;

    /// <summary>
    /// σ of U under the null hypothesis: √(m·n/12 · ((m+n+1) − Σ(t³−t)/((m+n)(m+n−1)))), where
    /// t runs over the sizes of the groups of tied values.
    /// </summary>
    internal static double Sigma(double m, double n, double tieCorrection)
    {
        var total = m + n;
        var tieTerm = total > 1 ? tieCorrection / (total * (total - 1)) : 0.0;
        return Math.Sqrt(m * n / 12.0 * (total + 1 - tieTerm));
    }

    private static double ZScore(double ux, double m, double n, double tieCorrection)
    {
        var sigma = Sigma(m, n, tieCorrection);
        var distance = ux - (m * n / 2);
        if (sigma == 0 || distance == 0)
        {
            return 0.0;
        }

        // The continuity correction moves U half a step towards its mean (U moves in steps of ½).
        return (distance - (Math.Sign(distance) * 0.5)) / sigma;
    }

    private static double ExactPValue(int ux, int m, int n)
    {
        var distribution = UDistribution.For(m, n);
        var oneTail = ux > m * n / 2.0 ? distribution.UpperTail(ux) : distribution.Cdf(ux);
        return Math.Min(1.0, 2 * oneTail);
    }
}
