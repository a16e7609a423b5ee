namespace Dashboard.Core.Statistics;

/// <summary>
/// The outcome of a two-sided Mann–Whitney U test of sample x against sample y.
/// </summary>
/// <param name="XCount">Finite samples of x that were ranked.</param>
/// <param name="YCount">Finite samples of y that were ranked.</param>
/// <param name="UX">U of x: the pairs (xᵢ, yⱼ) with xᵢ &gt; yⱼ, ties counting one half (R's W).</param>
/// <param name="UY">U of y; always <c>UX + UY = XCount · YCount</c>.</param>
/// <param name="Z">(UX − m·n/2 − ½·sign) / σ, with σ corrected for ties; 0 when every value is tied.</param>
/// <param name="PValue">Two-sided p-value, from <see cref="Method"/>.</param>
/// <param name="Method">Exact distribution or normal approximation.</param>
/// <param name="HasTies">Whether any value occurs more than once in the pooled sample.</param>
public sealed record MannWhitneyResult(
    int XCount,
    int YCount,
    double UX,
    double UY,
    double Z,
    double PValue,
    NullDistribution Method,
    bool HasTies);
