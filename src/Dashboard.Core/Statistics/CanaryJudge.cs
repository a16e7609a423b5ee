using static System.FormattableString;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Scores a canary in the manner of Kayenta's NetflixACAJudge: each metric is classified by
/// <see cref="MannWhitneyClassifier"/>, the score is 100 × Σ weight(Pass) ÷ Σ weight(with data),
/// and the score is classified against <see cref="CanaryJudgeOptions.PassScore"/> and
/// <see cref="CanaryJudgeOptions.MarginalScore"/> (each inclusive).
/// </summary>
/// <remarks>
/// Metrics without data leave the score, as in Kayenta, but never count as passes: with no
/// metric left the judgement is NoData, not Pass. A critical metric that does not pass — High,
/// Low or NoData — fails the canary; unlike Kayenta the score is kept as computed, so the page
/// shows how the other metrics fared.
/// </remarks>
public sealed class CanaryJudge
{
    private readonly CanaryJudgeOptions _options;
    private readonly MannWhitneyClassifier _classifier;

    public CanaryJudge(CanaryJudgeOptions options)
    {
        _classifier = new MannWhitneyClassifier(options);
        _options = options;
    }

    public CanaryJudgement Judge(IEnumerable<MetricSamples> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var comparisons = metrics.Select(Classify).ToList();
        var withData = comparisons.Where(comparison => comparison.HasData).ToList();
        var criticalMisses = comparisons.Where(comparison => comparison.Critical && comparison.Classification != MetricClassification.Pass)
            .Select(comparison => comparison.Metric).ToList();
        var withoutData = comparisons.Count - withData.Count;

        double? score = withData.Count == 0
            ? null
            : 100 * withData.Where(comparison => comparison.Classification == MetricClassification.Pass).Sum(comparison => comparison.Weight)
                / withData.Sum(comparison => comparison.Weight);
        var classification = ClassifyScore(score, criticalMisses.Count > 0);
        var passed = withData.Count(comparison => comparison.Classification == MetricClassification.Pass);
        var counts = Invariant($"{passed} of {withData.Count} metrics with data passed, {withoutData} without data");
        var reason = classification switch
        {
            CanaryScoreClassification.NoData => Invariant($"No metric had enough data to compare ({comparisons.Count} without data)."),
            _ when criticalMisses.Count > 0 => Invariant($"Critical metric {string.Join(", ", criticalMisses)} did not pass ({counts})."),
            CanaryScoreClassification.Pass => Invariant($"Score {score:0.##} reaches the pass score {_options.PassScore:0.##} ({counts})."),
            CanaryScoreClassification.Marginal => Invariant($"Score {score:0.##} is below the pass score {_options.PassScore:0.##} but reaches the marginal score {_options.MarginalScore:0.##} ({counts})."),
            _ => Invariant($"Score {score:0.##} is below the marginal score {_options.MarginalScore:0.##} ({counts})."),
        };
        return new CanaryJudgement(classification, score, reason, comparisons, _options);
    }

    private MetricComparison Classify(MetricSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(samples.Weight > 0 && double.IsFinite(samples.Weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples.Weight, $"The weight of metric '{samples.Metric}' must be a positive number.");
        }

        return _classifier.Classify(samples);
    }

    private CanaryScoreClassification ClassifyScore(double? score, bool criticalMiss) => score switch
    {
        // Critical metrics without data still fail, so check them before NoData.
        _ when criticalMiss => CanaryScoreClassification.Fail,
        null => CanaryScoreClassification.NoData,
        { } value when value >= _options.PassScore => CanaryScoreClassification.Pass,
        { } value when value >= _options.MarginalScore => CanaryScoreClassification.Marginal,
        _ => CanaryScoreClassification.Fail,
    };
}
