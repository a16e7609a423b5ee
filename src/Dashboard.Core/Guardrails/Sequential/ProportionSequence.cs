namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// An anytime-valid confidence sequence for one cohort's proportion p of bad events (errors per
/// request, slow requests per request, failed probes per probe), to judge an absolute limit with
/// evidence: "P99 &gt; 250 ms" is "p(request over 250 ms) &gt; 1 %". With a Beta(a, b) prior the
/// mixture M(p₀) = B(a + x, b + n − x) / B(a, b) / (p₀^x (1 − p₀)^(n − x)) is a martingale under
/// p = p₀, so {p₀ : M(p₀) &lt; 1/α} covers p at every look with probability ≥ 1 − α (Ville).
/// The prior's mean is the limit and a + b = 1 / min(limit, 1 − limit): weight where it decides.
/// Not thread-safe: one poller owns it.
/// </summary>
public sealed class ProportionSequence
{
    // 2^-40 ≈ 1e-12: finer than any proportion is shown.
    private const int BisectionSteps = 40;

    private readonly SequentialSettings _settings;
    private readonly double _a;
    private readonly double _b;
    private readonly Dictionary<DataFlaw, int> _ignored = [];

    /// <param name="limit">The proportion the rule compares with, in (0, 1).</param>
    /// <param name="settings">α and the minimum-evidence floor.</param>
    public ProportionSequence(double limit, SequentialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(limit is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A proportion's limit lies in (0, 1).");
        }

        Limit = limit;
        _settings = settings;
        var strength = 1 / Math.Min(limit, 1 - limit);
        _a = limit * strength;
        _b = (1 - limit) * strength;
    }

    public double Limit { get; }

    public long Trials { get; private set; }

    public long Events { get; private set; }

    /// <summary>Adds one interval's counts; a flawed reading adds nothing and is tallied.</summary>
    public DataFlaw? Add(CountReading reading)
    {
        if (reading.Flaw is { } flaw)
        {
            _ignored[flaw] = _ignored.GetValueOrDefault(flaw) + 1;
            return flaw;
        }

        Trials += reading.Trials;
        Events += reading.Events;
        return null;
    }

    /// <summary>ln M(p₀): the evidence against p = p₀ so far (0 before any trial).</summary>
    public double LogEvidenceAgainst(double proportion)
    {
        if (!(proportion is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "A proportion lies in (0, 1).");
        }

        return LogEvidenceAgainst(proportion, LogMixture());
    }

    public ProportionVerdict Verdict()
    {
        var threshold = -Math.Log(_settings.Alpha);
        if (Trials == 0)
        {
            return new ProportionVerdict(Limit, null, 0, 1, 0, 0, false, false, new Dictionary<DataFlaw, int>(_ignored));
        }

        var estimate = (double)Events / Trials;
        var mixture = LogMixture();
        var decisive = Trials >= _settings.MinimumCanaryTrials && LogEvidenceAgainst(Limit, mixture) >= threshold;
        return new ProportionVerdict(
            Limit, estimate, Bound(estimate, 0, threshold, mixture), Bound(estimate, 1, threshold, mixture), Trials, Events,
            decisive && estimate > Limit, decisive && estimate < Limit, new Dictionary<DataFlaw, int>(_ignored));
    }

    /// <summary>
    /// The edge of {p : M(p) &lt; 1/α} between the estimate and <paramref name="end"/> (0 or 1), by
    /// bisection on the convex ln M; the point returned is the last one found outside, so the
    /// reported interval contains the exact one.
    /// </summary>
    private double Bound(double estimate, double end, double threshold, double mixture)
    {
        if ((end == 0 && Events == 0) || (end == 1 && Events == Trials))
        {
            return end;
        }

        var inside = estimate;
        var outside = end;
        for (var i = 0; i < BisectionSteps; i++)
        {
            var middle = (inside + outside) / 2;
            if (middle <= 0 || middle >= 1 || LogEvidenceAgainst(middle, mixture) >= threshold)
            {
                outside = middle;
            }
            else
            {
                inside = middle;
            }
        }

        return outside;
    }

    // ln ∫ p^x (1 − p)^(n − x) dBeta(a, b) = ln B(a + x, b + n − x) − ln B(a, b): the same for every p₀.
    private double LogMixture() => LogGamma.Beta(_a + Events, _b + Trials - Events) - LogGamma.Beta(_a, _b);

    private double LogEvidenceAgainst(double proportion, double mixture) =>
        mixture - (Events * Math.Log(proportion)) - ((Trials - Events) * Math.Log(1 - proportion));
}
