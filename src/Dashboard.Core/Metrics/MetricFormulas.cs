namespace Dashboard.Core.Metrics;

/// <summary>
/// The ratios of docs/schema.md. Every input is a sum over the window (null when the window holds no
/// point with that field). A ratio whose denominator is missing or zero, or whose numerator is
/// missing, is null ("no data"), never zero: a missing value must not pass a criterion.
/// </summary>
public static class MetricFormulas
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100.</summary>
    public static double? Percent(double? part, double? whole) =>
        Ratio(part, whole) is { } ratio ? ratio * 100 : null;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or null.</summary>
    public static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d != 0 ? n / d : null;

    /// <summary>Error rate % = Σerrors / Σcount × 100.</summary>
    public static double? ErrorRatePct(double? errors, double? count) => Percent(errors, count);

    /// <summary>Availability % = Σok / Σtotal × 100.</summary>
    public static double? AvailabilityPct(double? ok, double? total) => Percent(ok, total);

    /// <summary>Completion rate % = Σcompletions / Σsessions × 100.</summary>
    public static double? CompletionRatePct(double? completions, double? sessions) => Percent(completions, sessions);

    /// <summary>Churn rate % = Σchurned / Σsessions × 100.</summary>
    public static double? ChurnRatePct(double? churned, double? sessions) => Percent(churned, sessions);

    /// <summary>Cache efficiency % = Σhits / (Σhits + Σmisses) × 100.</summary>
    public static double? CacheEfficiencyPct(double? hits, double? misses) =>
        hits is { } h && misses is { } m ? Percent(h, h + m) : null;

    /// <summary>Requests per second = Σcount / window seconds.</summary>
    public static double? PerSecond(double? count, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window is longer than zero.");
        }

        return count is { } c ? c / window.TotalSeconds : null;
    }

    /// <summary>Mean of the samples in the window = Σvalue / number of samples.</summary>
    public static double? Mean(double? sum, double? samples) => Ratio(sum, samples);

    /// <summary>
    /// Revenue per learner over <paramref name="window"/> = Σrevenue / Σlearner-seconds × window seconds: the
    /// revenue a learner brings in a window's time at the rate measured on the points both were reported for.
    /// A cohort that reported during part of the window (a canary that just started) keeps its true rate.
    /// </summary>
    public static double? RevenuePerLearner(double? revenue, double? learnerSeconds, TimeSpan window) =>
        Ratio(revenue, learnerSeconds) is { } perLearnerSecond ? perLearnerSecond * window.TotalSeconds : null;

    /// <summary>
    /// Canary against baseline in % = (canary / baseline − 1) × 100; revenue impact is this of revenue per learner.
    /// </summary>
    public static double? RelativeChangePct(double? canary, double? baseline) =>
        Ratio(canary, baseline) is { } ratio ? (ratio - 1) * 100 : null;
}
