namespace Dashboard.Core.Statistics;

/// <summary>
/// Order statistics of the m·n differences xᵢ − yⱼ without materialising them: 36 h of 5 s
/// samples per cohort would be 6.7·10⁸ differences. The k-th smallest is found by bisection over
/// the ordered doubles (at most 64 steps), counting the differences ≤ d in O(m + n) each step.
/// </summary>
internal static class PairwiseDifferences
{
    /// <summary>The k-th smallest (1-based) of xᵢ − yⱼ; x and y sorted ascending, non-empty.</summary>
    public static double KthSmallest(double[] x, double[] y, long k)
    {
        var low = OrderedKey(x[0] - y[^1]);
        var high = OrderedKey(x[^1] - y[0]);
        if (CountAtMost(x, y, FromOrderedKey(low)) >= k)
        {
            return FromOrderedKey(low);
        }

        // Invariant: fewer than k differences ≤ value(low), at least k ≤ value(high).
        // Keys may span more than long.MaxValue; their distance is computed as ulong.
        while ((ulong)(high - low) > 1)
        {
            var middle = low + (long)((ulong)(high - low) / 2);
            if (CountAtMost(x, y, FromOrderedKey(middle)) >= k)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return FromOrderedKey(high);
    }

    /// <summary>The median of all xᵢ − yⱼ: the Hodges–Lehmann shift estimate.</summary>
    public static double Median(double[] x, double[] y)
    {
        var count = (long)x.Length * y.Length;
        var upper = KthSmallest(x, y, (count / 2) + 1);
        return count % 2 == 1 ? upper : (KthSmallest(x, y, count / 2) + upper) / 2;
    }

    // For each x (ascending) the differences x − yⱼ ≤ d form a suffix of y whose start only
    // moves right as x grows. The comparison uses the same rounded subtraction as the result.
    private static long CountAtMost(double[] x, double[] y, double bound)
    {
        long count = 0;
        var start = 0;
        foreach (var value in x)
        {
            while (start < y.Length && value - y[start] > bound)
            {
                start++;
            }

            count += y.Length - start;
        }

        return count;
    }

    // Maps doubles to longs in the same order (−0 and +0 both to 0), so bisection on the
    // integers visits every representable double between two bounds.
    private static long OrderedKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : -(bits & long.MaxValue);
    }

    private static double FromOrderedKey(long key) =>
        BitConverter.Int64BitsToDouble(key >= 0 ? key : -key | long.MinValue);
}
