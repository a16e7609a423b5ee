using System.Globalization;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Settings of the statistical canary judge, bound from the <c>CheckpointEvaluation:Judge</c>
/// configuration section (the judge runs inside every checkpoint evaluation). The defaults are Kayenta's: a two-sided test at 0.98 confidence, a tolerance of
/// 0.25 × |Hodges–Lehmann shift|, pass score 95 and marginal score 75.
/// </summary>
public sealed record CanaryJudgeOptions
{
    public const string SectionName = "CheckpointEvaluation:Judge";

    /// <summary>Two-sided confidence of the test and of the shift's interval, in (0.5, 1).</summary>
    public double Confidence { get; init; } = 0.98;

    /// <summary>
    /// The interval must clear ± this fraction of the |Hodges–Lehmann shift| to fail a metric
    /// (Kayenta's <c>tolerance</c>); 0 fails any significant harmful shift.
    /// </summary>
    public double ToleranceFraction { get; init; } = 0.25;

    /// <summary>
    /// Smallest |shift| ÷ |baseline median| that may fail a metric (0.05 = 5 %). 0, the default,
    /// switches the check off, as Kayenta's effect-size thresholds are off by default. It keeps
    /// long windows, where tiny shifts become significant, from failing on noise-sized changes.
    /// </summary>
    public double MinimumRelativeEffect { get; init; }

    /// <summary>Fewer finite samples than this on either side gives NoData.</summary>
    public int MinimumSamples { get; init; } = 3;

    /// <summary>A score at or above this passes (0–100).</summary>
    public double PassScore { get; init; } = 95;

    /// <summary>A score at or above this, below <see cref="PassScore"/>, is marginal (0–100).</summary>
    public double MarginalScore { get; init; } = 75;

    /// <summary>Every problem, each naming its configuration key; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(Confidence > 0.5 && Confidence < 1))
        {
            problems.Add(Problem(nameof(Confidence), Confidence, "must be greater than 0.5 and less than 1, e.g. 0.98"));
        }

        if (!(ToleranceFraction >= 0 && double.IsFinite(ToleranceFraction)))
        {
            problems.Add(Problem(nameof(ToleranceFraction), ToleranceFraction, "must be 0 or more, e.g. 0.25"));
        }

        if (!(MinimumRelativeEffect >= 0 && double.IsFinite(MinimumRelativeEffect)))
        {
            problems.Add(Problem(nameof(MinimumRelativeEffect), MinimumRelativeEffect, "must be 0 (off) or more, e.g. 0.05 for 5 %"));
        }

        if (MinimumSamples < 1)
        {
            problems.Add(Problem(nameof(MinimumSamples), MinimumSamples, "must be at least 1, e.g. 3"));
        }

        if (!(PassScore >= 0 && PassScore <= 100))
        {
            problems.Add(Problem(nameof(PassScore), PassScore, "must be between 0 and 100, e.g. 95"));
        }

        if (!(MarginalScore >= 0 && MarginalScore <= PassScore))
        {
            problems.Add(Problem(nameof(MarginalScore), MarginalScore, $"must be between 0 and {SectionName}:{nameof(PassScore)}, e.g. 75"));
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, for constructors.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }

    private static string Problem(string key, double value, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} {rule} (was {value}).");
}
