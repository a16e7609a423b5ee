namespace Dashboard.Core.Demo;

/// <summary>
/// The few distributions the traffic model draws from, on top of one <see cref="Random"/>.
/// Large counts use normal approximations so that a long history costs a handful of draws per
/// series rather than one per request.
/// </summary>
internal sealed class RandomDraws(Random random)
{
    private const int ExactTrialLimit = 50;
    private const double SmallMeanLimit = 25;

    public double Uniform() => random.NextDouble();

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A positive factor around 1 whose logarithm has the given spread.</summary>
    public double Jitter(double spread) => Math.Exp(spread * Gaussian());

    public long Poisson(double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        if (mean >= SmallMeanLimit)
        {
            return Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * Gaussian())));
        }

        // Knuth's method: exact and cheap for small means.
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        long k = 0;
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    /// <summary>Successes among <paramref name="trials"/> trials of probability <paramref name="probability"/>.</summary>
    public long Binomial(long trials, double probability)
    {
        if (trials <= 0 || !(probability > 0))
        {
            return 0;
        }

        if (probability >= 1)
        {
            return trials;
        }

        if (probability > 0.5)
        {
            return trials - Binomial(trials, 1 - probability);
        }

        if (trials <= ExactTrialLimit)
        {
            long successes = 0;
            for (var i = 0; i < trials; i++)
            {
                if (random.NextDouble() < probability)
                {
                    successes++;
                }
            }

            return successes;
        }

        var mean = trials * probability;
        if (mean < SmallMeanLimit)
        {
            return Math.Min(trials, Poisson(mean));
        }

        var deviation = Math.Sqrt(mean * (1 - probability));
        return Math.Clamp((long)Math.Round(mean + (deviation * Gaussian())), 0, trials);
    }

    /// <summary>
    /// Spreads <paramref name="total"/> over categories with the given probabilities (summing to 1)
    /// by a chain of conditional binomials, so the parts always add up to the total.
    /// </summary>
    public long[] Multinomial(long total, IReadOnlyList<double> probabilities)
    {
        var parts = new long[probabilities.Count];
        var remaining = total;
        var remainingProbability = 1.0;
        for (var i = 0; i < parts.Length - 1 && remaining > 0; i++)
        {
            var conditional = remainingProbability > 0 ? Math.Clamp(probabilities[i] / remainingProbability, 0, 1) : 1;
            parts[i] = Binomial(remaining, conditional);
            remaining -= parts[i];
            remainingProbability -= probabilities[i];
        }

        parts[^1] += remaining;
        return parts;
    }

    /// <summary>Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26, error below 1e-7).</summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var polynomial = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (polynomial * Math.Exp(-z * z));
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
