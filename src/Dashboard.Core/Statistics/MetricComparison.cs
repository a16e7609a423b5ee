using System.Text.Json.Serialization;

namespace Dashboard.Core.Statistics;

/// <summary>
/// The statistical comparison of one metric, canary against baseline, as persisted with a
/// checkpoint verdict and shown on the checkpoint page. The test figures are null for
/// <see cref="MetricClassification.NoData"/>.
/// </summary>
/// <param name="Metric">The metric key.</param>
/// <param name="Classification">Pass, High, Low or NoData.</param>
/// <param name="Reason">One sentence a person can act on.</param>
/// <param name="HarmfulDirection">Which change counted as a failure.</param>
/// <param name="CanaryCount">Finite canary samples used.</param>
/// <param name="BaselineCount">Finite baseline samples used.</param>
/// <param name="CanaryMedian">Median of the canary samples.</param>
/// <param name="BaselineMedian">Median of the baseline samples.</param>
/// <param name="Test">The Mann–Whitney U test, x = canary, y = baseline.</param>
/// <param name="Shift">Hodges–Lehmann shift canary − baseline with its confidence interval.</param>
/// <param name="RelativeEffect">Shift ÷ |baseline median| (0.1 = 10 %); null when that median is 0.</param>
/// <param name="Tolerance">Tolerance fraction × |shift|: how far beyond 0 the interval must lie to fail.</param>
/// <param name="Weight">The metric's weight in the score.</param>
/// <param name="Critical">Whether a non-pass fails the whole canary.</param>
public sealed record MetricComparison(
    string Metric,
    MetricClassification Classification,
    string Reason,
    HarmfulDirection HarmfulDirection,
    int CanaryCount,
    int BaselineCount,
    double? CanaryMedian,
    double? BaselineMedian,
    MannWhitneyResult? Test,
    ShiftEstimate? Shift,
    double? RelativeEffect,
    double? Tolerance,
    double Weight,
    bool Critical)
{
    /// <summary>
    /// Rank-biserial correlation 2·U(canary) ÷ (m·n) − 1, in [−1, 1]: +1 when every canary sample is
    /// above every baseline sample, 0 for no tendency. Unlike <see cref="RelativeEffect"/> it is
    /// defined when the baseline median is 0 (an error rate of 0 %). Null without a test.
    /// </summary>
    public double? RankBiserial => Test is { } test && test.XCount > 0 && test.YCount > 0
        ? (2 * test.UX / ((double)test.XCount * test.YCount)) - 1
        : null;

    /// <summary>High or Low: the metric moved the harmful way.</summary>
    [JsonIgnore]
    public bool IsFailure => Classification is MetricClassification.High or MetricClassification.Low;

    /// <summary>Whether the metric counts towards the score (it had enough data).</summary>
    [JsonIgnore]
    public bool HasData => Classification != MetricClassification.NoData;
}
