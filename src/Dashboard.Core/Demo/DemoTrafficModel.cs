using Dashboard.Core.Metrics;

namespace Dashboard.Core.Demo;

/// <summary>
/// Generates plausible traffic of a baseline and a canary cohort for the demo: volumes follow the
/// canary weight, a daily load curve peaking at 12:00 UTC and random noise; the canary stays
/// healthy unless <see cref="CanaryFaultEffects"/> say otherwise. Deterministic for a given seed and
/// call sequence. Not thread-safe: one caller generates at a time.
/// </summary>
public sealed class DemoTrafficModel
{
    // Log-normal spread of latencies: P99 ≈ 2.85 × median, so a 40 ms median gives P99 ≈ 115 ms
    // (≈ 150 ms when estimated from the 100/200 ms histogram buckets).
    private const double LatencySpread = 0.45;
    private const double DailySwing = 0.3;
    private const double RevenuePerLearnerHour = 0.40;
    private const double SecondsBetweenSessions = 900;
    private const double ChurnPerLearnerHour = 0.002;
    private const double CacheLookupsPerRequest = 3;
    private const double CacheHitRatio = 0.85;
    private const double MegabitsPerRequest = 0.32;
    private const double DbQueryMs = 7.5;

    private readonly DemoTrafficProfile _profile;
    private readonly RandomDraws _draws;
    private readonly double[] _segmentShares;
    private readonly double[] _regionShares;

    public DemoTrafficModel(DemoTrafficProfile profile, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Segments.Count == 0 || profile.Regions.Count == 0)
        {
            throw new ArgumentException("A traffic profile needs at least one segment and one region.", nameof(profile));
        }

        _profile = profile;
        _draws = new RandomDraws(seed is { } s ? new Random(s) : new Random());
        _segmentShares = FixedShares(profile.Segments.Count);
        _regionShares = FixedShares(profile.Regions.Count);
    }

    /// <summary>
    /// One interval of traffic ending at <paramref name="at"/>: a sample per cohort × segment × region.
    /// A cohort with no traffic (weight 0 % for the canary, 100 % for the baseline) yields no samples.
    /// </summary>
    public IReadOnlyList<TrafficSample> Generate(
        DateTimeOffset at, TimeSpan interval, double canaryWeightPercent, CanaryFaultEffects canaryFaults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(canaryWeightPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canaryWeightPercent, 100);
        ArgumentNullException.ThrowIfNull(canaryFaults);

        var load = DailyLoad(at);
        var samples = new List<TrafficSample>(2 * _segmentShares.Length * _regionShares.Length);
        AddCohort(samples, Cohort.Baseline, 1 - (canaryWeightPercent / 100), CohortCharacter.Baseline, CanaryFaultEffects.None, interval, load);
        AddCohort(samples, Cohort.Canary, canaryWeightPercent / 100, CohortCharacter.Canary, canaryFaults, interval, load);
        return samples;
    }

    /// <summary>Relative load at a time of day: 1 on average, 1.3 at 12:00 UTC, 0.7 at 00:00 UTC.</summary>
    public static double DailyLoad(DateTimeOffset at)
    {
        var hourOfDay = at.UtcDateTime.TimeOfDay.TotalHours;
        return 1 + (DailySwing * Math.Sin(2 * Math.PI * (hourOfDay - 6) / 24));
    }

    private void AddCohort(
        List<TrafficSample> samples, Cohort cohort, double cohortShare, CohortCharacter character,
        CanaryFaultEffects effects, TimeSpan interval, double load)
    {
        if (cohortShare <= 0)
        {
            return;
        }

        for (var s = 0; s < _segmentShares.Length; s++)
        {
            for (var r = 0; r < _regionShares.Length; r++)
            {
                var share = cohortShare * _segmentShares[s] * _regionShares[r];
                samples.Add(Sample(cohort, _profile.Segments[s], _profile.Regions[r], share, character, effects, interval.TotalSeconds, load));
            }
        }
    }

    private TrafficSample Sample(
        Cohort cohort, string segment, string region, double share, CohortCharacter character,
        CanaryFaultEffects effects, double seconds, double load)
    {
        var requests = _draws.Poisson(_profile.TotalRps * seconds * load * share * _draws.Jitter(0.04));
        var errorRate = (character.ErrorRate * _draws.Jitter(0.15)) + (effects.ErrorRateIncreasePoints / 100);
        var medianMs = character.MedianLatencyMs * (1 + (0.08 * (load - 1))) * _draws.Jitter(0.03) * effects.LatencyFactor;

        var probesTotal = Math.Max(1, (long)Math.Round(seconds * _profile.ProbesPerSecond));
        var probeFailureRate = (character.ProbeFailureRate * _draws.Jitter(0.3)) + (effects.AvailabilityDropPoints / 100);

        var learners = _draws.Poisson(_profile.ActiveLearners * share * Math.Sqrt(load));
        var revenue = learners * RevenuePerLearnerHour * character.RevenueFactor * (seconds / 3600)
            * _draws.Jitter(0.03) * Math.Clamp(1 - (effects.RevenueDropPct / 100), 0, 1);
        var sessions = _draws.Poisson(learners * seconds / SecondsBetweenSessions);

        var cacheLookups = (long)Math.Round(requests * CacheLookupsPerRequest);
        var cacheHits = _draws.Binomial(cacheLookups, Math.Clamp(CacheHitRatio + (0.01 * _draws.Gaussian()), 0, 1));

        return new TrafficSample
        {
            Cohort = cohort,
            Segment = segment,
            Region = region,
            Requests = requests,
            Errors = _draws.Binomial(requests, Math.Clamp(errorRate, 0, 1)),
            Latency = Histogram(requests, medianMs),
            ProbesOk = probesTotal - _draws.Binomial(probesTotal, Math.Clamp(probeFailureRate, 0, 1)),
            ProbesTotal = probesTotal,
            ActiveLearners = learners,
            Revenue = revenue,
            Sessions = sessions,
            Completions = _draws.Binomial(sessions, character.CompletionRate),
            Churned = _draws.Binomial(learners, ChurnPerLearnerHour * seconds / 3600),
            CpuPct = Math.Clamp(character.CpuPctAtAverageLoad + (20 * (load - 1)) + (1.5 * _draws.Gaussian()), 1, 100),
            MemMb = character.MemMb + (4 * _draws.Gaussian()),
            NetMbps = requests * MegabitsPerRequest / seconds,
            DbQueryMs = DbQueryMs * (1 + (0.1 * (load - 1))) * _draws.Jitter(0.1) * effects.LatencyFactor,
            CacheHits = cacheHits,
            CacheMisses = cacheLookups - cacheHits,
        };
    }

    private LatencyCounts Histogram(long requests, double medianMs)
    {
        var bounds = LatencyCounts.UpperBoundsMs;
        var probabilities = new double[bounds.Count];
        var below = 0.0;
        for (var i = 0; i < bounds.Count; i++)
        {
            var atOrBelow = double.IsPositiveInfinity(bounds[i])
                ? 1
                : RandomDraws.NormalCdf(Math.Log(bounds[i] / medianMs) / LatencySpread);
            probabilities[i] = Math.Max(0, atOrBelow - below);
            below = Math.Max(below, atOrBelow);
        }

        var perBucket = _draws.Multinomial(requests, probabilities);
        var cumulative = new long[perBucket.Length];
        long running = 0;
        for (var i = 0; i < perBucket.Length; i++)
        {
            running += perBucket[i];
            cumulative[i] = running;
        }

        return new LatencyCounts(cumulative);
    }

    // Fixed, unequal shares (1, 1/1.5, 1/2, …, normalised) so that segments and regions differ visibly.
    private static double[] FixedShares(int count)
    {
        var weights = Enumerable.Range(0, count).Select(i => 1 / (1 + (0.5 * i))).ToArray();
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
