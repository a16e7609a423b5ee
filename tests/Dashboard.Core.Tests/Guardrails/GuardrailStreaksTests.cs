using Dashboard.Core.Guardrails;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailStreaksTests
{
    private static readonly Func<string, double?> Bad = GuardrailPolls.Values((MetricKeys.ErrorRatePct, 3));
    private static readonly Func<string, double?> Good = GuardrailPolls.Values();
    private static readonly Func<string, double?> Blind = _ => null;

    private static GuardrailStreak ErrorStreak(GuardrailStreaks streaks) => streaks.Of(GuardrailPolls.RolloutId, "trigger:0");

    [Fact]
    public void Record_ConsecutiveBreaches_CountUpFromTheFirstPoll()
    {
        var streaks = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Good, Bad, Bad]);

        Assert.Equal(2, ErrorStreak(streaks).Count);
        Assert.Equal(GuardrailPolls.T0.AddSeconds(5), ErrorStreak(streaks).Since);
    }

    [Fact]
    public void Record_CleanPoll_ResetsTheStreak()
    {
        var streaks = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Bad, Bad, Good]);

        Assert.Equal(GuardrailStreak.None("trigger:0"), ErrorStreak(streaks));
    }

    [Fact]
    public void Record_PollWithoutData_NeitherCountsNorResets()
    {
        var streaks = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Bad, Bad, Blind, Blind]);

        Assert.Equal(2, ErrorStreak(streaks).Count);
    }

    [Fact]
    public void Record_NewPhaseRun_StartsFromZero()
    {
        var streaks = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Bad, Bad], phaseRun: "0@09:00");
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Bad], phaseRun: "0@09:30");

        Assert.Equal(1, ErrorStreak(streaks).Count);
    }

    [Fact]
    public void KeepOnly_ForgetsRolloutsNoLongerWatched()
    {
        var streaks = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Bad]);

        streaks.KeepOnly(new HashSet<Guid>());

        Assert.Equal(0, ErrorStreak(streaks).Count);
    }

    [Fact]
    public void Restore_WhatAnotherProcessExported_GoesOnCountingTheSameStreak()
    {
        var first = new GuardrailStreaks();
        GuardrailPolls.Run(GuardrailPolls.Canary, first, 3, [Bad, Bad]);
        first.MarkActedOn(GuardrailPolls.RolloutId, "trigger:0");
        var kept = first.Export(GuardrailPolls.RolloutId)!;

        var next = new GuardrailStreaks();
        next.Restore(GuardrailPolls.RolloutId, kept);
        GuardrailPolls.Run(GuardrailPolls.Canary, next, 3, [Bad]);

        Assert.Equal(3, ErrorStreak(next).Count);
        Assert.Equal(GuardrailPolls.T0, ErrorStreak(next).Since);
        Assert.True(ErrorStreak(next).ActedOn);
    }

    [Fact]
    public void Export_UnknownRollout_IsNull() => Assert.Null(new GuardrailStreaks().Export(Guid.NewGuid()));
}
