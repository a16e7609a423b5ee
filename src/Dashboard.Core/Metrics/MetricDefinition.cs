using System.Globalization;
using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Metrics;

/// <summary>
/// Everything about one metric, defined once in <see cref="MetricCatalog"/>: its key (as plans JSON
/// and REST spell it), how people read it, which way is better, and how its value is read from a
/// cohort, a live snapshot and a checkpoint. docs/metrics.md, "Adding a metric".
/// </summary>
public sealed record MetricDefinition
{
    /// <summary>Shown wherever a value is missing: a missing value is never shown as 0.</summary>
    public const string NoData = "no data";

    /// <summary>The key of plans JSON, REST and <c>data-testid</c> hooks, e.g. <c>errorRatePct</c>; case-sensitive.</summary>
    public required string Key { get; init; }

    /// <summary>People's name for it, on tiles, tables, charts and notifications.</summary>
    public required string Label { get; init; }

    /// <summary>"%", "ms", "pp", "MB/h", "req/s", or empty for counts.</summary>
    public required string Unit { get; init; }

    /// <summary>.NET numeric format of the value on tiles and tables (a fixed number of digits, so values line up).</summary>
    public required string NumberFormat { get; init; }

    public required MetricDirection Better { get; init; }

    public required MetricSource Source { get; init; }

    public required MetricReading Reading { get; init; }

    /// <summary>The per-cohort quantity, read from one cohort's metrics; null for incident counts.</summary>
    public Func<CohortMetrics, double?>? PerCohort { get; init; }

    /// <summary>True when a cohort's value is the spread of <see cref="PerCohort"/> across segments (segment variance).</summary>
    public bool AcrossSegments { get; init; }

    /// <summary>False for the live-only context metrics (RPS, active learners) that a plan may not judge.</summary>
    public bool InPlans { get; init; } = true;

    /// <summary>
    /// The unit of one cohort's value where it differs from the judged value's: revenue impact (%) is
    /// judged from revenue per learner (no unit), memory growth (MB/h) from mean memory (MB).
    /// </summary>
    public string? CohortUnit { get; init; }

    /// <summary>What a window needs for a value, said when it has none, e.g. " (needs … of both cohorts)".</summary>
    public string NoDataNeeds { get; init; } = " for the canary";

    /// <summary>True when a live snapshot answers the metric: not a trend over hours, not an incident count.</summary>
    public bool InSnapshot => Reading is MetricReading.Canary or MetricReading.CanaryAgainstBaseline;

    /// <summary>The value of one cohort in one window: the sample of a checkpoint interval, a table cell, a chart point.</summary>
    public double? CohortValue(MetricsSnapshot snapshot, Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (PerCohort is null)
        {
            return null;
        }

        return AcrossSegments ? SegmentVariance.Of(snapshot.Segments, cohort, PerCohort) : PerCohort(snapshot.Cohorts[cohort]);
    }

    /// <summary>The value of one cohort's metrics (a segment's, a region's, a chart bucket's); null for a metric across segments.</summary>
    public double? ValueOf(CohortMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return AcrossSegments ? null : PerCohort?.Invoke(metrics);
    }

    /// <summary>
    /// The value a criterion judges in <paramref name="snapshot"/> — live, or a checkpoint's window
    /// assembled like one; null when the snapshot cannot answer it (see <see cref="InSnapshot"/>).
    /// </summary>
    public double? SnapshotValue(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Reading switch
        {
            MetricReading.Canary => CohortValue(snapshot, Cohort.Canary),
            MetricReading.CanaryAgainstBaseline => MetricFormulas.RelativeChangePct(
                CohortValue(snapshot, Cohort.Canary), CohortValue(snapshot, Cohort.Baseline)),
            _ => null,
        };
    }

    /// <summary>The judged value of a pair of cohorts (no segments): how the snapshot's own revenue impact is made.</summary>
    public double? ValueOf(CohortPair cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        return Reading == MetricReading.CanaryAgainstBaseline
            ? MetricFormulas.RelativeChangePct(ValueOf(cohorts.Canary), ValueOf(cohorts.Baseline))
            : ValueOf(cohorts.Canary);
    }

    /// <summary>The number in <see cref="NumberFormat"/>, or "no data".</summary>
    public string Format(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(NumberFormat, CultureInfo.InvariantCulture) : NoData;

    /// <summary>A value with its unit and as many digits as it needs: "0.42 %", "183 ms", "—" without a value.</summary>
    public string Text(double? value) => Text(value, Unit);

    /// <summary>One cohort's value (a checkpoint sample or median) with the cohort value's own unit.</summary>
    public string CohortText(double? value) => Text(value, CohortUnit ?? Unit);

    /// <summary>The threshold as text, e.g. "&lt; 1 %".</summary>
    public string Threshold(Comparator comparator, double threshold)
    {
        var number = threshold.ToString("0.###", CultureInfo.InvariantCulture);
        return Unit.Length == 0 ? $"{comparator.Symbol()} {number}" : $"{comparator.Symbol()} {number} {Unit}";
    }

    private static string Text(double? value, string unit)
    {
        if (value is not { } measured)
        {
            return "—";
        }

        var number = measured.ToString(Math.Abs(measured) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }
}
