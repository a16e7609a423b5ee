namespace Dashboard.Core.Statistics;

/// <summary>
/// The samples a test may use: NaN and ±∞ are missing intervals (no data), not observations,
/// so they are dropped before ranking. Sorted ascending, which every caller needs anyway.
/// </summary>
internal static class FiniteSamples
{
    public static double[] SortedFrom(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var finite = samples.Where(double.IsFinite).ToArray();
        Array.Sort(finite);
        return finite;
    }
}
