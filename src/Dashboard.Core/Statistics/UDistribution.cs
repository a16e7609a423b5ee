namespace Dashboard.Core.Statistics;

/// <summary>
/// The exact null distribution of the Mann–Whitney U statistic for samples of sizes m and n
/// without ties: every one of the C(m+n, m) orderings of the pooled sample is equally likely.
/// </summary>
/// <remarks>
/// Counts come from the recursion N(u; i, j) = N(u − j; i − 1, j) + N(u; i, j − 1) — the
/// largest pooled value belongs either to the first sample (it beats all j of the second) or
/// to the second. Only additions of positive numbers are involved, so doubles keep the
/// counts to a few ulps even where they exceed 2⁵³ (C(98, 49) ≈ 2.5e28). The work is about
/// m²n²/4 additions: 1.5 million for 49 × 49, which is why <see cref="MaximumSampleSize"/>
/// stops there, as R's <c>wilcox.test</c> does.
/// </remarks>
public sealed class UDistribution
{
    /// <summary>The largest sample size for which the exact distribution is used (R: n &lt; 50).</summary>
    public const int MaximumSampleSize = 49;

    private readonly double[] _probabilities;
    private readonly double[] _cumulative;

    private UDistribution(int firstSize, int secondSize, double[] counts)
    {
        FirstSize = firstSize;
        SecondSize = secondSize;
        var total = counts.Sum();
        _probabilities = [.. counts.Select(count => count / total)];
        _cumulative = new double[counts.Length];
        var running = 0.0;
        for (var u = 0; u < counts.Length; u++)
        {
            running += counts[u];
            _cumulative[u] = running / total;
        }
    }

    public int FirstSize { get; }

    public int SecondSize { get; }

    /// <summary>The largest value U can take, m·n.</summary>
    public int MaximumU => FirstSize * SecondSize;

    public static UDistribution For(int firstSize, int secondSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(secondSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSize, MaximumSampleSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secondSize, MaximumSampleSize);

        // previousRow[j] holds the counts for (i − 1, j); currentRow[j] those for (i, j).
        var previousRow = new double[secondSize + 1][];
        for (var j = 0; j <= secondSize; j++)
        {
            previousRow[j] = [1.0];
        }

        for (var i = 1; i <= firstSize; i++)
        {
            var currentRow = new double[secondSize + 1][];
            currentRow[0] = [1.0];
            for (var j = 1; j <= secondSize; j++)
            {
                var counts = new double[(i * j) + 1];
                var firstWins = previousRow[j];
                for (var u = 0; u < firstWins.Length; u++)
                {
                    counts[u + j] += firstWins[u];
                }

                var secondWins = currentRow[j - 1];
                for (var u = 0; u < secondWins.Length; u++)
                {
                    counts[u] += secondWins[u];
                }

                currentRow[j] = counts;
            }

            previousRow = currentRow;
        }

        return new UDistribution(firstSize, secondSize, previousRow[secondSize]);
    }

    /// <summary>P(U = u).</summary>
    public double Probability(int u) => u < 0 || u > MaximumU ? 0.0 : _probabilities[u];

    /// <summary>P(U ≤ u).</summary>
    public double Cdf(int u) => u < 0 ? 0.0 : u >= MaximumU ? 1.0 : _cumulative[u];

    /// <summary>P(U ≥ u), by symmetry P(U ≤ m·n − u) so the upper tail keeps its precision.</summary>
    public double UpperTail(int u) => Cdf(MaximumU - u);

    /// <summary>The smallest q with P(U ≤ q) ≥ <paramref name="probability"/> (R's <c>qwilcox</c>).</summary>
    public int Quantile(double probability)
    {
        for (var q = 0; q < MaximumU; q++)
        {
            // A relative slack of 1e-12 keeps a probability that equals a cumulative step exactly
            // (as 0.05 may) from missing it by rounding.
            if (_cumulative[q] >= probability * (1 - 1e-12))
            {
                return q;
            }
        }

        return MaximumU;
    }
}
