using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>
/// Expected values from reference_values.py, which integrates the Beta-binomial mixture numerically
/// instead of using ln B (agreement to 1e-6 in ln M, 1e-3 where the prior's density does not vanish at p = 0).
/// </summary>
public sealed class ProportionSequenceTests
{
    private static readonly SequentialSettings Settings = new();

    [Theory]
    [InlineData(12, 400, 0.01, 3.1376620556129198, 0.008398234093757733, 0.07225130640592398, 1e-6)]
    [InlineData(3, 150, 0.015, -0.6697927051835761, 0.0013147213134807605, 0.08212675682315014, 1e-6)]
    [InlineData(0, 500, 0.01, 3.224277335019816, 0.0, 0.012730395725481016, 1e-3)]
    public void Verdict_KnownCounts_MatchesNumericalIntegration(long events, long trials, double limit, double logEvidence, double lower, double upper, double precision)
    {
        var sequence = new ProportionSequence(limit, Settings);
        sequence.Add(new CountReading(trials, events));

        var verdict = sequence.Verdict();

        Assert.Equal(logEvidence, sequence.LogEvidenceAgainst(limit), precision);
        Assert.Equal(lower, verdict.Lower, precision * 0.01);
        Assert.Equal(upper, verdict.Upper, precision * 0.01);
        Assert.Equal((double)events / trials, verdict.Estimate);
    }

    [Fact]
    public void Verdict_TwelveSlowInFourHundred_IsNotYetProvenAboveOnePercent()
    {
        // 3 % measured, but ln M(1 %) = 3.14 < ln 100: a point estimate would already call it a breach.
        var sequence = new ProportionSequence(0.01, Settings);
        sequence.Add(new CountReading(400, 12));

        var verdict = sequence.Verdict();

        Assert.False(verdict.ProvenAboveLimit);
        Assert.False(verdict.ProvenBelowLimit);
        Assert.True(verdict.Lower < 0.01);
    }

    [Fact]
    public void Verdict_SameRateWithMoreTrials_ProvesTheBreachAndNarrows()
    {
        var sequence = new ProportionSequence(0.01, Settings);
        sequence.Add(new CountReading(400, 12));
        var before = sequence.Verdict();
        sequence.Add(new CountReading(800, 24));

        var after = sequence.Verdict();

        Assert.True(after.ProvenAboveLimit);
        Assert.True(after.Lower > 0.01);
        Assert.True(after.Lower > before.Lower && after.Upper < before.Upper);
    }

    [Fact]
    public void Verdict_ManyCleanTrials_ProvesBelowTheLimit()
    {
        var sequence = new ProportionSequence(0.015, Settings);
        sequence.Add(new CountReading(2000, 6));

        var verdict = sequence.Verdict();

        Assert.True(verdict.ProvenBelowLimit);
        Assert.True(verdict.Upper < 0.015);
    }

    [Fact]
    public void Verdict_BelowTheFloor_ProvesNothing()
    {
        var sequence = new ProportionSequence(0.01, Settings with { MinimumCanaryTrials = 100 });
        sequence.Add(new CountReading(99, 99));

        var verdict = sequence.Verdict();

        Assert.False(verdict.ProvenAboveLimit);
        Assert.Equal(1.0, verdict.Estimate);
    }

    [Fact]
    public void Add_FlawedReadings_AddNothingAndAreTallied()
    {
        var sequence = new ProportionSequence(0.01, Settings);
        sequence.Add(CountReading.Flawed(DataFlaw.TornPoints));
        sequence.Add(CountReading.Flawed(DataFlaw.NoCanaryData));
        sequence.Add(CountReading.Flawed(DataFlaw.NoCanaryData));

        var verdict = sequence.Verdict();

        Assert.Null(verdict.Estimate);
        Assert.Equal(0, verdict.Trials);
        Assert.False(verdict.ProvenBelowLimit);
        Assert.Equal(2, verdict.Ignored[DataFlaw.NoCanaryData]);
        Assert.Equal(1, verdict.Ignored[DataFlaw.TornPoints]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Constructor_LimitOutsideZeroOne_Throws(double limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionSequence(limit, Settings));
}
