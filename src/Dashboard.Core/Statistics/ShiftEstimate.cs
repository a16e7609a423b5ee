namespace Dashboard.Core.Statistics;

/// <summary>
/// The Hodges–Lehmann estimate of the location shift x − y and its distribution-free
/// confidence interval.
/// </summary>
/// <param name="Estimate">The median of all m·n differences xᵢ − yⱼ.</param>
/// <param name="Lower">The k-th smallest difference.</param>
/// <param name="Upper">The k-th largest difference.</param>
/// <param name="Confidence">The confidence that was asked for, e.g. 0.98.</param>
/// <param name="AchievedConfidence">
/// The coverage the chosen k really gives, 1 − 2·P(U ≤ k − 1). Below <see cref="Confidence"/>
/// only when the samples are too small to reach it; the interval is then the full range.
/// </param>
/// <param name="Method">The null distribution of U the rank k was read from.</param>
public sealed record ShiftEstimate(
    double Estimate,
    double Lower,
    double Upper,
    double Confidence,
    double AchievedConfidence,
    NullDistribution Method);
