namespace Dashboard.Core.Statistics;

/// <summary>
/// The per-interval values of one metric for both cohorts, as the judge's input. NaN or ±∞
/// marks an interval without data and is dropped.
/// </summary>
/// <param name="Metric">The metric key, e.g. "p99Ms".</param>
/// <param name="Canary">One value per interval of the window for the canary.</param>
/// <param name="Baseline">One value per interval of the window for the baseline.</param>
/// <param name="HarmfulDirection">Which change of the metric is bad.</param>
/// <param name="Weight">Share of the score, relative to the other metrics; positive.</param>
/// <param name="Critical">A critical metric that does not pass fails the canary whatever the score.</param>
public sealed record MetricSamples(
    string Metric,
    IReadOnlyList<double> Canary,
    IReadOnlyList<double> Baseline,
    HarmfulDirection HarmfulDirection,
    double Weight = 1.0,
    bool Critical = false);
