using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>
/// Expected values from reference_values.py: products of full binomial pmfs of the canary's events
/// given each interval's events (the C# code keeps only the terms that depend on the ratio).
/// </summary>
public sealed class RateRatioTestTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void Verdict_OneInterval_MatchesBinomialReference()
    {
        var verdict = Feed(new SequentialSettings(), (100, 5, 900, 5));

        Assert.Equal(4.066630631100135, verdict.LogEvidence, 1e-9);
        Assert.Equal(0.7408182206817179, verdict.Lower, 1e-12);
        Assert.Null(verdict.Upper);
        Assert.Equal(9.025013499434122, verdict.Estimate!.Value, 1e-12);
        Assert.Equal(Math.Log(100), verdict.LogThreshold, 1e-12);
        Assert.Equal(SequentialState.NotEnoughEvidence, verdict.State);
    }

    [Fact]
    public void Verdict_SplitChangingBetweenIntervals_MatchesBinomialReference()
    {
        (long, long, long, long)[] intervals = [(100, 5, 900, 5), (500, 9, 500, 3), (50, 0, 950, 12)];

        var strict = Feed(new SequentialSettings(), intervals);
        var tolerant = Feed(new SequentialSettings { Tolerance = 0.5 }, intervals);

        Assert.Equal(2.687465143968492, strict.LogEvidence, 1e-9);
        Assert.Equal(0.6703200460356393, strict.Lower, 1e-12);
        Assert.Equal(16.444646771097055, strict.Upper!.Value, 1e-9);
        Assert.Equal(3.4903429574618414, strict.Estimate!.Value, 1e-12);
        Assert.Equal(0.537743816128291, tolerant.LogEvidence, 1e-9);
        Assert.Equal((650L, 14L, 2350L, 20L), (strict.CanaryTrials, strict.CanaryEvents, strict.BaselineTrials, strict.BaselineEvents));
    }

    [Fact]
    public void Verdict_EqualRatesOverManyEvents_IsHealthy()
    {
        var verdict = Feed(new SequentialSettings(), [.. Enumerable.Repeat((1000L, 10L, 9000L, 90L), 20)]);

        Assert.Equal(-4.229533427559259, verdict.LogEvidence, 1e-9);
        Assert.Equal(0.7046880897187134, verdict.Lower, 1e-12);
        Assert.Equal(1.3498588075760032, verdict.Upper!.Value, 1e-12);
        Assert.Equal(1.0, verdict.Estimate!.Value, 1e-12);
        Assert.Equal(SequentialState.Healthy, verdict.State);
    }

    [Fact]
    public void Verdict_TenfoldCanaryRate_IsRegressingAndNeedsNothingMore()
    {
        var verdict = Feed(new SequentialSettings(), [.. Enumerable.Repeat((50L, 2L, 450L, 2L), 5)]);

        Assert.Equal(SequentialState.Regressing, verdict.State);
        Assert.True(verdict.LogEvidence >= verdict.LogThreshold);
        Assert.True(verdict.Lower > 1);
        Assert.Equal(TimeSpan.Zero, verdict.ExpectedTimeToCall);
    }

    [Fact]
    public void Verdict_StrongEvidenceBelowTheFloor_IsNotEnoughEvidence()
    {
        var settings = new SequentialSettings { MinimumCanaryTrials = 300 };

        var verdict = Feed(settings, [.. Enumerable.Repeat((50L, 2L, 450L, 2L), 5)]);

        Assert.True(verdict.LogEvidence >= verdict.LogThreshold);
        Assert.Equal(SequentialState.NotEnoughEvidence, verdict.State);
    }

    [Fact]
    public void Add_FlawedSide_AddsNothingAndIsTallied()
    {
        var test = new RateRatioTest(new SequentialSettings());
        test.Add(new CountReading(100, 5), new CountReading(900, 5), Interval);
        var before = test.Verdict();

        Assert.Equal(DataFlaw.NoBaselineData, test.Add(new CountReading(100, 50), CountReading.Flawed(DataFlaw.NoBaselineData), Interval));
        Assert.Equal(DataFlaw.TornPoints, test.Add(CountReading.Flawed(DataFlaw.TornPoints), new CountReading(900, 0), Interval));
        var after = test.Verdict();

        Assert.Equal(before.LogEvidence, after.LogEvidence);
        Assert.Equal(before.CanaryTrials, after.CanaryTrials);
        Assert.Equal(1, after.Ignored[DataFlaw.NoBaselineData]);
        Assert.Equal(1, after.Ignored[DataFlaw.TornPoints]);
    }

    [Fact]
    public void Verdict_NoDataAtAll_IsNotEnoughEvidenceWithoutEstimateOrTime()
    {
        var test = new RateRatioTest(new SequentialSettings { MinimumCanaryTrials = 0 });
        test.Add(CountReading.Flawed(DataFlaw.NoCanaryData), new CountReading(900, 3), Interval);

        var verdict = test.Verdict();

        Assert.Equal(SequentialState.NotEnoughEvidence, verdict.State);
        Assert.Null(verdict.Estimate);
        Assert.Equal(0, verdict.Lower);
        Assert.Null(verdict.Upper);
        Assert.Null(verdict.ExpectedTimeToCall);
    }

    [Fact]
    public void ExpectedTimeToCall_MoreCanaryTraffic_IsShorter()
    {
        var thin = Feed(new SequentialSettings(), (5, 0, 495, 2));
        var busy = Feed(new SequentialSettings(), (50, 0, 450, 2));

        Assert.NotNull(thin.ExpectedTimeToCall);
        Assert.True(busy.ExpectedTimeToCall < thin.ExpectedTimeToCall);
        Assert.True(busy.ExpectedEventsToCall > 0);
    }

    [Fact]
    public void ExpectedTimeToCall_AfterHealthyEvidence_IsLonger()
    {
        // Evidence for health must first be outweighed: the planning number says so.
        var fresh = Feed(new SequentialSettings(), (50, 1, 450, 9));
        var afterHealthy = Feed(new SequentialSettings(), [.. Enumerable.Repeat((50L, 1L, 450L, 9L), 30)]);

        Assert.True(afterHealthy.ExpectedTimeToCall > fresh.ExpectedTimeToCall);
    }

    [Fact]
    public void Verdict_WithALateStart_IsTheMixtureOfTheTestFromTheStartAtNineTenthsAndTheTestFromTheLateStart()
    {
        (long, long, long, long)[] before = [(100, 0, 900, 6), (100, 1, 900, 5)];
        (long, long, long, long)[] after = [(100, 6, 900, 4), (100, 5, 900, 6)];
        var test = new RateRatioTest(new SequentialSettings(), new LateStarts(2, 1));
        foreach (var (nc, xc, nb, xb) in before.Concat(after))
        {
            test.Add(new CountReading(nc, xc), new CountReading(nb, xb), Interval);
        }

        var fromStart = Feed(new SequentialSettings(), [.. before, .. after]).LogEvidence;
        var fromLateStart = Feed(new SequentialSettings(), after).LogEvidence;
        var verdict = test.Verdict();

        Assert.Equal(Math.Log((0.9 * Math.Exp(fromStart)) + (0.1 * Math.Exp(fromLateStart))), verdict.LogEvidence, 1e-9);
        Assert.Equal(2 * Interval, verdict.EvidenceSince);
        Assert.Equal(Feed(new SequentialSettings(), [.. before, .. after]).Estimate, verdict.Estimate);
    }

    [Fact]
    public void Verdict_WithReinvestedLateStarts_IsTheWeightMovedAtEachStartTimesTheTestsSinceThen()
    {
        // Starting points after the first and the second interval; 0.5 of the weight stays from the start, and each
        // starting point takes 0.3 of what the other half (the movable weight) holds at that moment.
        (long, long, long, long)[] intervals = [(100, 0, 900, 6), (100, 4, 900, 5), (100, 6, 900, 4)];
        var test = new RateRatioTest(new SequentialSettings(), new LateStarts(1, 2) { FromStartWeight = 0.5, Reinvest = 0.3 });
        foreach (var (nc, xc, nb, xb) in intervals)
        {
            test.Add(new CountReading(nc, xc), new CountReading(nb, xb), Interval);
        }

        // The plain test over intervals from … to − 1.
        double Plain(int from, int to) => Math.Exp(Feed(new SequentialSettings(), intervals[from..to]).LogEvidence);
        var first = 0.3 * 0.5 * Plain(0, 1);
        var movableLeft = 0.5 * 0.7;
        var second = 0.3 * ((movableLeft * Plain(0, 2)) + (first * Plain(1, 2)));
        var expected = ((0.5 + (movableLeft * 0.7)) * Plain(0, 3)) + (first * 0.7 * Plain(1, 3)) + (second * Plain(2, 3));
        var verdict = test.Verdict();

        Assert.Equal(Math.Log(expected), verdict.LogEvidence, 1e-9);
        Assert.Equal(Feed(new SequentialSettings(), intervals).Estimate, verdict.Estimate);
    }

    [Fact]
    public void Verdict_TenfoldFaultAfterTwelveMinutesOfHealth_IsProvenInLessThanHalfTheTimeWithLateStarts()
    {
        // The quick start's canary: 5 of 500 requests per second, 0.3 % errors, then ten times as many.
        var lateStarts = LateStarts.Within(360);
        var withLateStarts = new RateRatioTest(new SequentialSettings(), lateStarts);
        var fromStartOnly = new RateRatioTest(new SequentialSettings());
        var healthy = (int)(TimeSpan.FromMinutes(12) / Interval);
        int? byLateStarts = null, byStartOnly = null;
        for (var i = 0; i < healthy + 200 && byStartOnly is null; i++)
        {
            var (canaryErrors, baselineErrors) = i < healthy ? (i % 13 == 0 ? 1 : 0, 7) : (i % 4 == 0 ? 2 : 1, 7);
            withLateStarts.Add(new CountReading(25, canaryErrors), new CountReading(2475, baselineErrors), Interval);
            fromStartOnly.Add(new CountReading(25, canaryErrors), new CountReading(2475, baselineErrors), Interval);
            byLateStarts ??= withLateStarts.Verdict().State == SequentialState.Regressing ? i - healthy + 1 : null;
            byStartOnly = fromStartOnly.Verdict().State == SequentialState.Regressing ? i - healthy + 1 : null;
        }

        Assert.Equal(SequentialState.Regressing, withLateStarts.Verdict().State);
        Assert.True(byLateStarts * 2 <= byStartOnly, $"late starts: {byLateStarts} intervals, from the start only: {byStartOnly}");
        var since = withLateStarts.Verdict().EvidenceSince;
        Assert.InRange(since, (healthy - lateStarts.Every) * Interval, (healthy + lateStarts.Every) * Interval);
    }

    [Fact]
    public void LateStarts_WithinAHalfHorizonOf180Intervals_StartsEverySixIntervalsAfterTheFirst()
    {
        var lateStarts = LateStarts.Within(180);

        Assert.Equal(new LateStarts(6, 29), lateStarts);
        Assert.Equal([6, 12, 174], Enumerable.Range(0, 400).Where(lateStarts.StartsAt).Where(i => i is 6 or 12 or >= 170));
        Assert.Equal(new LateStarts(1, 0), LateStarts.Within(1));
    }

    [Fact]
    public void Constructor_InvalidSettings_Throws() =>
        Assert.Throws<ArgumentException>(() => new RateRatioTest(new SequentialSettings { Alpha = 0 }));

    private static RateRatioVerdict Feed(SequentialSettings settings, params (long CanaryTrials, long CanaryEvents, long BaselineTrials, long BaselineEvents)[] intervals)
    {
        var test = new RateRatioTest(settings);
        foreach (var (nc, xc, nb, xb) in intervals)
        {
            Assert.Null(test.Add(new CountReading(nc, xc), new CountReading(nb, xb), Interval));
        }

        return test.Verdict();
    }
}
