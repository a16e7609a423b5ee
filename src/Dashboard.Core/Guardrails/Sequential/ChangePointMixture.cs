namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// The evidence of a <see cref="RateRatioTest"/> mixed over where a regression began (docs/guardrails.md, "A regression
/// that starts late"): the test from its first interval, E_0, and the tests from each later starting point of
/// <see cref="LateStarts"/>, E_j (each the mean of L(ρ)/L(ρ₀) since its start over the alternatives in the late starts'
/// range), weighed
/// w_0·E_0 + Σ_j w_j·E_j. The weights are fixed before the data they weigh: in advance, or (with
/// <see cref="LateStarts.Reinvest"/>) moved at a starting point from what the movable weight holds then. Either way the
/// mixture starts at most at 1 and is a test supermartingale under H0, so Ville's inequality holds for it.
/// Each E_j is kept up to date as intervals are added, so reading the evidence costs no exponentials.
/// Not thread-safe: its test's owner owns it.
/// </summary>
internal sealed class ChangePointMixture
{
    private readonly LateStarts _design;
    private readonly int _lateFrom;
    private readonly int _lateCount;
    private readonly List<StartingPoint> _late = [];
    private readonly double _lateLogWeight;
    private readonly double _protectedWeight;
    private double _movableWeight;
    private double _fromStartLogMixture;

    /// <param name="design">Where later starting points begin, how the weight is shared and which ratios they mix over.</param>
    /// <param name="alternatives">The alternative ratios E_0 averages over, ascending.</param>
    public ChangePointMixture(LateStarts design, IReadOnlyList<double> alternatives)
    {
        _design = design;
        _lateFrom = Enumerable.Range(0, alternatives.Count).FirstOrDefault(j => alternatives[j] >= design.LowestRatio, alternatives.Count);
        _lateCount = Enumerable.Range(_lateFrom, alternatives.Count - _lateFrom).Count(j => alternatives[j] <= design.HighestRatio);
        if (_lateCount == 0 && design.Count > 0)
        {
            throw new ArgumentException("No alternative ratio lies in the late starts' range.", nameof(design));
        }

        var hasLateStarts = design.Count > 0;
        _protectedWeight = hasLateStarts ? design.FromStartWeight : 1;
        _movableWeight = hasLateStarts && design.Reinvest > 0 ? 1 - design.FromStartWeight : 0;
        _lateLogWeight = Math.Log((1 - design.FromStartWeight) / Math.Max(1, design.Count));
    }

    /// <summary>The weight on the test from the first interval now: less as reinvested weight moves to later starts.</summary>
    public double FromStartWeight => _protectedWeight + _movableWeight;

    /// <summary>Called before interval <paramref name="index"/> is added: a starting point begins there if the design says so.</summary>
    /// <param name="index">The interval about to be added (0 = the test's first).</param>
    /// <param name="offset">How far into the test it begins.</param>
    public void Before(int index, TimeSpan offset)
    {
        if (!_design.StartsAt(index))
        {
            return;
        }

        var logWeight = _lateLogWeight;
        if (_design.Reinvest > 0)
        {
            // The movable weight's worth now: its part of E_0 and every later test it went into.
            var movable = LogSumExp([Math.Log(_movableWeight) + _fromStartLogMixture, .. _late.Select(start => start.LogWeight + start.LogMixture)]);
            logWeight = Math.Log(_design.Reinvest) + movable;
            var kept = Math.Log(1 - _design.Reinvest);
            _movableWeight *= 1 - _design.Reinvest;
            foreach (var start in _late)
            {
                start.LogWeight += kept;
            }
        }

        // A fresh test averages L(ρ)/L(ρ₀) = 1 over every alternative: ln E_j = 0.
        _late.Add(new StartingPoint(offset, new double[_lateCount]) { LogWeight = logWeight });
    }

    /// <summary>Adds one interval with events.</summary>
    /// <param name="fromStartLogMixture">ln E_0 after the interval.</param>
    /// <param name="alternativeLogRatios">The interval's ln(L(ρ)/L(ρ₀)) for each alternative ρ of E_0.</param>
    public void Add(double fromStartLogMixture, ReadOnlySpan<double> alternativeLogRatios)
    {
        _fromStartLogMixture = fromStartLogMixture;
        var mixed = alternativeLogRatios.Slice(_lateFrom, _lateCount);
        var logAlternatives = Math.Log(_lateCount);
        foreach (var start in _late)
        {
            for (var j = 0; j < mixed.Length; j++)
            {
                start.LogRatio[j] += mixed[j];
            }

            start.LogMixture = LogSumExp(start.LogRatio) - logAlternatives;
        }
    }

    /// <summary>
    /// ln(w_0·E_0 + Σ_j w_j·E_j) (ln E_0 without late starts), and the offset of the starting point that weighs most in
    /// it (zero: the test's first interval).
    /// </summary>
    public (double LogEvidence, TimeSpan Since) Evidence()
    {
        if (_design.Count == 0)
        {
            return (_fromStartLogMixture, TimeSpan.Zero);
        }

        var terms = new double[_late.Count + 1];
        terms[0] = _fromStartLogMixture + Math.Log(FromStartWeight);
        var strongest = 0;
        for (var i = 0; i < _late.Count; i++)
        {
            terms[i + 1] = _late[i].LogWeight + _late[i].LogMixture;
            strongest = terms[i + 1] > terms[strongest] ? i + 1 : strongest;
        }

        return (LogSumExp(terms), strongest == 0 ? TimeSpan.Zero : _late[strongest - 1].Offset);
    }

    /// <summary>ln Σ exp(terms), without overflow.</summary>
    public static double LogSumExp(ReadOnlySpan<double> terms)
    {
        var max = double.NegativeInfinity;
        foreach (var term in terms)
        {
            max = Math.Max(max, term);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>One later starting point: its offset, its weight (ln) and its test since then.</summary>
    private sealed class StartingPoint(TimeSpan offset, double[] logRatio)
    {
        public TimeSpan Offset { get; } = offset;

        /// <summary>ln(L(ρ)/L(ρ₀)) since the start, per alternative.</summary>
        public double[] LogRatio { get; } = logRatio;

        public double LogWeight { get; set; }

        /// <summary>ln E_j: the mean of L(ρ)/L(ρ₀) over the alternatives.</summary>
        public double LogMixture { get; set; }
    }
}
