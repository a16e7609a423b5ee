namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// The comparative test of one count signal: is the canary's rate per trial more than
/// (1 + tolerance) times the baseline's, measured over the same intervals? Given an interval's
/// requests n_c, n_b and its bad events k = x_c + x_b, under Poisson events x_c is Binomial(k, θ)
/// with θ = ρe / (ρe + 1 − e), e = n_c / (n_c + n_b) and ρ the rate ratio; so each interval adds
/// x_c·ln ρ − k·ln(1 + e(ρ − 1)) to the log-likelihood of ρ, whatever the split was then.
/// <para>
/// The log-likelihood is kept on a grid of ρ (ln ρ in steps of 0.05 over [ln 0.01, ln 99.5]).
/// Test: the uniform mixture over the grid points above ρ₀ = 1 + tolerance of L(ρ)/L(ρ₀) is a
/// test supermartingale under H0 (ρ ≤ ρ₀), so by Ville's inequality it reaches 1/α with probability
/// at most α over unlimited looks. Confidence sequence: ρ is kept while L(ρ) ≥ α × (the uniform
/// mixture of L over the whole grid), reported one grid step wider on each side so the reported
/// interval contains the exact one. docs/guardrails.md, "Sequential judge", has the derivation.
/// </para>
/// <para>
/// A regression that starts late (docs/guardrails.md, "A regression that starts late"): with
/// <see cref="LateStarts"/>, the same mixture is also kept from each later starting point s_j on, E_j (1 before
/// s_j), and the test rejects when 0.9·E_0 + Σ_j 0.1·E_j / J (the default weights; <see cref="ChangePointMixture"/>)
/// reaches 1/α. Every E_j is a test supermartingale under H0 and the weights sum to at most 1, so Ville's inequality
/// still bounds the false-alarm probability by α. A fault present from the start pays ln(1/0.9) ≈ 0.1 nats for this;
/// one after minutes of health pays ln(10J) nats instead of those minutes' evidence for the baseline.
/// </para>
/// Not thread-safe: one poller owns it.
/// </summary>
public sealed class RateRatioTest
{
    private const double GridStep = 0.05;
    private const int HalfWidth = 92;

    private static readonly double[] LogRatios = [.. Enumerable.Range(-HalfWidth, (2 * HalfWidth) + 1).Select(j => j * GridStep)];
    private static readonly double[] Ratios = [.. LogRatios.Select(Math.Exp)];

    private readonly SequentialSettings _settings;
    private readonly ChangePointMixture _changePoints;
    private readonly double[] _contribution = new double[LogRatios.Length];
    private readonly double[] _alternativeContribution;
    private readonly double _nullRatio;
    private readonly int _firstAlternative;
    private readonly double[] _logLikelihood = new double[LogRatios.Length];
    private readonly Dictionary<DataFlaw, int> _ignored = [];
    private double _nullLogLikelihood;
    private (long Canary, long Baseline, TimeSpan Duration)? _lastTrials;
    private int _intervals;
    private TimeSpan _elapsed;

    /// <param name="settings">α, tolerance, the detectable ratio and the minimum-evidence floor.</param>
    /// <param name="lateStarts">Later starting points for a regression that begins late; none when null.</param>
    public RateRatioTest(SequentialSettings settings, LateStarts? lateStarts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(settings));
        }

        lateStarts ??= LateStarts.None;
        if (lateStarts.Validate() is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(lateStarts));
        }

        _settings = settings;
        _nullRatio = 1 + settings.Tolerance;
        _firstAlternative = Array.FindIndex(Ratios, ratio => ratio > _nullRatio);
        _alternativeContribution = new double[LogRatios.Length - _firstAlternative];
        _changePoints = new ChangePointMixture(lateStarts, Ratios[_firstAlternative..]);
    }

    /// <summary>The largest rate ratio on the grid; a bound beyond it is reported as unbounded.</summary>
    public static double LargestRatio { get; } = Math.Exp(HalfWidth * GridStep);

    public long CanaryTrials { get; private set; }

    public long CanaryEvents { get; private set; }

    public long BaselineTrials { get; private set; }

    public long BaselineEvents { get; private set; }

    /// <summary>
    /// Adds one interval, both cohorts measured over the same time. A flawed side (no data, torn,
    /// inconsistent) makes the whole interval count for nothing; the flaw is returned and tallied.
    /// </summary>
    /// <param name="canary">The canary's counts.</param>
    /// <param name="baseline">The baseline's counts.</param>
    /// <param name="duration">How long the interval was: only for "how long until conclusive".</param>
    public DataFlaw? Add(CountReading canary, CountReading baseline, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _changePoints.Before(_intervals, _elapsed);
        _intervals++;
        _elapsed += duration;
        if ((canary.Flaw ?? baseline.Flaw) is { } flaw)
        {
            _ignored[flaw] = _ignored.GetValueOrDefault(flaw) + 1;
            return flaw;
        }

        CanaryTrials += canary.Trials;
        CanaryEvents += canary.Events;
        BaselineTrials += baseline.Trials;
        BaselineEvents += baseline.Events;
        _lastTrials = (canary.Trials, baseline.Trials, duration);

        var events = canary.Events + baseline.Events;
        if (events == 0)
        {
            return null;
        }

        var split = (double)canary.Trials / (canary.Trials + baseline.Trials);
        for (var j = 0; j < Ratios.Length; j++)
        {
            _contribution[j] = LogLikelihood(canary.Events, events, split, Ratios[j], LogRatios[j]);
            _logLikelihood[j] += _contribution[j];
        }

        var nullContribution = LogLikelihood(canary.Events, events, split, _nullRatio, Math.Log(_nullRatio));
        _nullLogLikelihood += nullContribution;
        for (var j = 0; j < _alternativeContribution.Length; j++)
        {
            _alternativeContribution[j] = _contribution[_firstAlternative + j] - nullContribution;
        }

        var fromStart = LogSumExp(_firstAlternative, LogRatios.Length, j => _logLikelihood[j] - _nullLogLikelihood) - Math.Log(_alternativeContribution.Length);
        _changePoints.Add(fromStart, _alternativeContribution);
        return null;
    }

    public RateRatioVerdict Verdict()
    {
        var threshold = -Math.Log(_settings.Alpha);
        var alternatives = LogRatios.Length - _firstAlternative;
        var (logEvidence, since) = _changePoints.Evidence();
        var logMarginal = LogSumExp(0, LogRatios.Length, j => _logLikelihood[j]) - Math.Log(LogRatios.Length);
        var kept = Enumerable.Range(0, LogRatios.Length).Where(j => _logLikelihood[j] - logMarginal > -threshold).ToList();
        var lower = kept[0] == 0 ? 0 : Ratios[kept[0] - 1];
        double? upper = kept[^1] == Ratios.Length - 1 ? null : Ratios[kept[^1] + 1];

        var floorMet = CanaryTrials >= _settings.MinimumCanaryTrials;
        var state = !floorMet ? SequentialState.NotEnoughEvidence
            : logEvidence >= threshold ? SequentialState.Regressing
            : upper < _settings.DetectableRatio ? SequentialState.Healthy
            : SequentialState.NotEnoughEvidence;
        var (events, time) = state == SequentialState.Regressing ? (0, TimeSpan.Zero) : ToConclusive(threshold, alternatives);
        return new RateRatioVerdict(
            state, Estimate(), lower, upper, logEvidence, threshold,
            CanaryTrials, CanaryEvents, BaselineTrials, BaselineEvents, events, time,
            new Dictionary<DataFlaw, int>(_ignored), since);
    }

    // The maximum-likelihood ratio: 0 with no canary event, unbounded (null) with no baseline event.
    private double? Estimate()
    {
        if (CanaryEvents + BaselineEvents == 0 || BaselineEvents == 0)
        {
            return null;
        }

        return CanaryEvents == 0 ? 0 : Ratios[Array.IndexOf(_logLikelihood, _logLikelihood.Max())];
    }

    /// <summary>
    /// Expected events (both cohorts) and time until the mixture reaches 1/α if the canary's rate
    /// were <see cref="SequentialSettings.DetectableRatio"/> × the baseline's from now on, at the last
    /// interval's request rates: the nats still missing at the nearest grid ratio (its prior weight
    /// included, so it errs long) over the Kullback–Leibler divergence per event. Null while a rate is unknown.
    /// </summary>
    private (double? Events, TimeSpan? Time) ToConclusive(double threshold, int alternatives)
    {
        if (_lastTrials is not { } last || last.Canary == 0 || BaselineEvents == 0)
        {
            return (null, null);
        }

        var target = Array.FindIndex(Ratios, ratio => ratio >= _settings.DetectableRatio);
        var missing = Math.Max(0, threshold + Math.Log(alternatives) - Math.Log(_changePoints.FromStartWeight) - (_logLikelihood[target] - _nullLogLikelihood));
        var split = (double)last.Canary / (last.Canary + last.Baseline);
        var nullShare = Share(_nullRatio, split);
        var share = Share(Ratios[target], split);
        var divergence = (share * Math.Log(share / nullShare)) + ((1 - share) * Math.Log((1 - share) / (1 - nullShare)));
        var baselineRate = (double)BaselineEvents / BaselineTrials;
        var eventsPerSecond = baselineRate * (last.Baseline + (Ratios[target] * last.Canary)) / last.Duration.TotalSeconds;
        var events = missing / divergence;
        var seconds = events / eventsPerSecond;
        var toFloor = Math.Max(0, _settings.MinimumCanaryTrials - CanaryTrials) * last.Duration.TotalSeconds / last.Canary;
        return (events, TimeSpan.FromSeconds(Math.Max(seconds, toFloor)));
    }

    private static double Share(double ratio, double split) => ratio * split / ((ratio * split) + 1 - split);

    // x_c·ln ρ − k·ln(1 + e(ρ − 1)): the binomial log-likelihood without the terms that do not depend on ρ.
    private static double LogLikelihood(long canaryEvents, long events, double split, double ratio, double logRatio) =>
        (canaryEvents * logRatio) - (events * Math.Log(1 + (split * (ratio - 1))));

    private static double LogSumExp(int from, int to, Func<int, double> term)
    {
        var max = double.NegativeInfinity;
        for (var j = from; j < to; j++)
        {
            max = Math.Max(max, term(j));
        }

        var sum = 0.0;
        for (var j = from; j < to; j++)
        {
            sum += Math.Exp(term(j) - max);
        }

        return max + Math.Log(sum);
    }
}
