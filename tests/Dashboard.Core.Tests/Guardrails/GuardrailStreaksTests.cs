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
}
