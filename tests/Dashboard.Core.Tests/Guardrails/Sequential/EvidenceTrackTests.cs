using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

public sealed class EvidenceTrackTests
{
    private static readonly TimeSpan Cell = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset JudgedFrom = new(2026, 3, 2, 6, 0, 2, TimeSpan.Zero);
    private static readonly MetricCondition ErrorTrigger = BuiltInPlans.RollbackTriggers[0];

    [Fact]
    public void CellAtOrAfter_AlignsOnTheGridSinceTheUnixEpoch()
    {
        Assert.Equal(JudgedFrom.AddSeconds(3), EvidenceTrack.CellAtOrAfter(JudgedFrom, Cell));
        Assert.Equal(JudgedFrom.AddSeconds(3), EvidenceTrack.CellAtOrAfter(JudgedFrom.AddSeconds(3), Cell));
        Assert.Equal(JudgedFrom.AddSeconds(3), new EvidenceTrack(new SequentialSettings(), [ErrorTrigger], JudgedFrom, Cell, Horizon).FedUntil);
    }

    [Fact]
    public void Observe_RegressionStartingAfterHoursOfHealthAt100Percent_IsProvenWithinMinutesWhereOneCumulativeTestTakesOverHalfAnHour()
    {
        // At 100 % there is no baseline: only the plan's absolute limit is judged, on the canary's counts alone.
        var settings = new SequentialSettings();
        var track = new EvidenceTrack(settings, [ErrorTrigger], JudgedFrom, Cell, Horizon);
        var cumulative = new SequentialJudge(settings, [ErrorTrigger]);
        var healthyCells = (int)(TimeSpan.FromHours(4) / Cell);
        for (var i = 0; i < healthyCells; i++)
        {
            track.Observe(Healthy(i), null);
            cumulative.Observe(Cell, Healthy(i), null);
        }

        Assert.Equal(SequentialState.Healthy, Assert.Single(track.Judge()).State);
        int? byTrack = null, byCumulative = null;
        for (var i = 1; i <= (int)(TimeSpan.FromHours(2) / Cell) && byCumulative is null; i++)
        {
            // 4 errors in 100 requests: over the 1.5 % limit.
            track.Observe(Cohort(100, 4), null);
            byTrack ??= track.Judge()[0].State == SequentialState.Regressing ? i : null;
            byCumulative = cumulative.Observe(Cell, Cohort(100, 4), null).AnyRegressing ? i : null;
        }

        Assert.NotNull(byTrack);
        Assert.True(byTrack * Cell <= TimeSpan.FromMinutes(10), $"the epochs proved it after {byTrack * Cell}");
        Assert.True(byCumulative is null || byCumulative * Cell > TimeSpan.FromMinutes(30), $"one cumulative test proved it after {byCumulative * Cell}");
    }

    [Fact]
    public void ResumeFrom_ATrackRebuiltFromItsLiveEpochs_JudgesExactlyLikeTheTrackFedThroughout()
    {
        var settings = new SequentialSettings();
        var conditions = BuiltInPlans.RollbackTriggers;
        var throughout = new EvidenceTrack(settings, conditions, JudgedFrom, Cell, Horizon);
        var cells = (int)(TimeSpan.FromMinutes(100) / Cell);
        for (var i = 0; i < cells; i++)
        {
            throughout.Observe(Varying(i), Baseline);
        }

        var edge = throughout.FedUntil;
        var resumeAt = EvidenceTrack.ResumeFrom(JudgedFrom, edge, Cell, Horizon);
        var rebuilt = new EvidenceTrack(settings, conditions, JudgedFrom, Cell, Horizon, resumeAt);
        var first = (int)((rebuilt.FedUntil - EvidenceTrack.CellAtOrAfter(JudgedFrom, Cell)) / Cell);
        for (var i = first; i < cells; i++)
        {
            rebuilt.Observe(Varying(i), Baseline);
        }

        Assert.True(first > 0 && edge - resumeAt <= Horizon, $"replayed from cell {first}, {edge - resumeAt} back");
        Assert.Equal(edge, rebuilt.FedUntil);
        Assert.Equal(throughout.Judge().Select(Summary), rebuilt.Judge().Select(Summary));
    }

    [Fact]
    public void Judge_AfterTheFirstEpochEnds_CountsNoMoreThanOneHorizonOfEvidence()
    {
        var track = new EvidenceTrack(new SequentialSettings(), [ErrorTrigger], JudgedFrom, Cell, Horizon);
        var cells = (int)(TimeSpan.FromMinutes(40) / Cell);
        for (var i = 0; i < cells; i++)
        {
            track.Observe(Healthy(i), Baseline);
        }

        var evidence = Assert.Single(track.Judge());
        Assert.True(track.FedUntil - evidence.Since <= Horizon, $"counts since {evidence.Since:HH:mm:ss}, fed until {track.FedUntil:HH:mm:ss}");
        Assert.True(evidence.Verdict.BreachSide!.Trials <= Horizon / Cell * 100, $"{evidence.Verdict.BreachSide.Trials} requests");
        Assert.NotNull(evidence.HealthyProvenAt);
    }

    [Fact]
    public void AlphaOf_SpentOverAnyNumberOfEpochs_StaysWithinAlpha()
    {
        var track = new EvidenceTrack(new SequentialSettings { Alpha = 0.01 }, [ErrorTrigger], JudgedFrom, Cell, Horizon);

        var spent = Enumerable.Range(0, 100_000).Sum(track.AlphaOf);

        Assert.True(spent <= 0.01, $"{spent}");
        Assert.Equal(0.01 * 6 / (Math.PI * Math.PI), track.AlphaOf(0), 12);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(25)]
    public void Ctor_HorizonNotAnEvenNumberOfCells_IsRefused(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceTrack(new SequentialSettings(), [ErrorTrigger], JudgedFrom, Cell, TimeSpan.FromSeconds(seconds)));

    private static WindowTotals Baseline => Cohort(10_000, 33);

    // 0.33 % errors: one error every third cell of 100 requests.
    private static WindowTotals Healthy(int cell) => Cohort(100, cell % 3 == 0 ? 1 : 0);

    private static WindowTotals Varying(int cell) => Cohort(80 + (cell * 7 % 40), cell * 13 % 11 == 0 ? 2 : cell % 4 == 0 ? 1 : 0);

    private static string Summary(ConditionEvidence evidence) =>
        $"{evidence.Condition} {evidence.State} since {evidence.Since:O}: {evidence.Verdict.BreachSide?.Events}/{evidence.Verdict.BreachSide?.Trials}, "
        + $"{evidence.Verdict.Comparative?.CanaryEvents}/{evidence.Verdict.Comparative?.BaselineEvents}, {evidence.Verdict.Comparative?.LogEvidence}";

    private static WindowTotals Cohort(long requests, long errors) => CountTotals.Of(requests, errors);
}
