using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>
/// The anytime-valid guarantees checked by seeded simulation: looking after every interval, forever
/// (here 150 intervals), the test rejects a true H0 and the confidence sequence ever misses the true
/// value in at most a fraction α of runs. α = 0.1 so a broken test shows within 200 runs; the seeds
/// are fixed, so each run of this test sees the same draws.
/// </summary>
public sealed class SequentialErrorControlTests
{
    private const int Runs = 200;
    private const int Intervals = 150;
    private static readonly SequentialSettings Settings = new() { Alpha = 0.1, MinimumCanaryTrials = 0 };

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 1.5)]
    [InlineData(0.0, 0.8)]
    public void Test_TrueNullWithAChangingSplit_RejectsInAtMostAlphaOfRuns(double tolerance, double trueRatio)
    {
        var settings = Settings with { Tolerance = tolerance, DetectableRatio = 3 };

        var rejected = CountRuns(settings, trueRatio, verdict => verdict.State == SequentialState.Regressing);

        Assert.InRange(rejected, 0, settings.Alpha * Runs);
    }

    [Theory]
    [InlineData(0.9, 0.0, 0.0)]
    [InlineData(0.0, 0.3, 0.0)]
    [InlineData(0.5, 0.2, 3.0)]
    public void Test_TrueNullWithLateStarts_RejectsInAtMostAlphaOfRuns(double fromStartWeight, double reinvest, double lowestRatio)
    {
        // A starting point every 5 intervals: the weights, fixed in advance or moved as the test goes, sum to at most 1.
        var lateStarts = new LateStarts(5, 25) { FromStartWeight = fromStartWeight, Reinvest = reinvest, LowestRatio = lowestRatio };

        var rejected = CountRuns(Settings with { DetectableRatio = 3 }, 1.0, verdict => verdict.State == SequentialState.Regressing, lateStarts);

        Assert.InRange(rejected, 0, Settings.Alpha * Runs);
    }

    [Theory]
    [InlineData(0.9, 0.0, 0.0)]
    [InlineData(0.0, 0.3, 0.0)]
    [InlineData(0.5, 0.2, 3.0)]
    public void Test_TripledRateFromInterval50WithLateStarts_IsFoundInMostRuns(double fromStartWeight, double reinvest, double lowestRatio)
    {
        // The power check beside the one above: late starts that added nothing would pass it.
        var lateStarts = new LateStarts(5, 25) { FromStartWeight = fromStartWeight, Reinvest = reinvest, LowestRatio = lowestRatio };

        var found = CountRuns(Settings with { Alpha = 0.01 }, 3.0, verdict => verdict.State == SequentialState.Regressing, lateStarts, onset: 50);

        Assert.True(found > 0.9 * Runs, $"found in {found} of {Runs} runs");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void ConfidenceSequence_EveryLook_MissesTheTrueRatioInAtMostAlphaOfRuns(double trueRatio)
    {
        var missed = CountRuns(Settings, trueRatio, verdict => verdict.Lower > trueRatio || verdict.Upper < trueRatio);

        Assert.InRange(missed, 0, Settings.Alpha * Runs);
    }

    [Fact]
    public void Test_RegressionOfTwiceTheRate_IsFoundInMostRuns()
    {
        // The power check that keeps the α checks above honest: a test that never rejects would pass them.
        var found = CountRuns(Settings with { Alpha = 0.01 }, 2.0, verdict => verdict.State == SequentialState.Regressing);

        Assert.True(found > 0.9 * Runs, $"found in {found} of {Runs} runs");
    }

    /// <summary>Runs whose verdict met <paramref name="event"/> after any interval; the canary's rate is the baseline's before <paramref name="onset"/>.</summary>
    private static int CountRuns(SequentialSettings settings, double trueRatio, Func<RateRatioVerdict, bool> @event, LateStarts? lateStarts = null, int onset = 0)
    {
        var count = 0;
        for (var run = 0; run < Runs; run++)
        {
            var random = new Random(1000 + run);
            var test = new RateRatioTest(settings, lateStarts);
            for (var i = 0; i < Intervals; i++)
            {
                // The split moves between 5 % and 30 % canary, as traffic changes would; baseline 1 % bad events.
                var canaryTrials = i % 3 == 0 ? 150 : 25;
                const int baselineTrials = 475;
                test.Add(
                    new CountReading(canaryTrials, Binomial(random, canaryTrials, 0.01 * (i < onset ? 1 : trueRatio))),
                    new CountReading(baselineTrials, Binomial(random, baselineTrials, 0.01)),
                    TimeSpan.FromSeconds(5));
                if (@event(test.Verdict()))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    private static long Binomial(Random random, int trials, double probability)
    {
        long successes = 0;
        for (var i = 0; i < trials; i++)
        {
            successes += random.NextDouble() < probability ? 1 : 0;
        }

        return successes;
    }
}
