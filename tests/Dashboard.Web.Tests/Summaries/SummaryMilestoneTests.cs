using Dashboard.Core.Plans;
using Dashboard.Web.Features.Summaries;

namespace Dashboard.Web.Tests.Summaries;

public sealed class SummaryMilestoneTests
{
    [Theory]
    [InlineData("23h", new string[0])]
    [InlineData("24h", new[] { "8h", "24h" })]
    [InlineData("36h", new[] { "8h", "24h", "36h" })]
    [InlineData("3d", new[] { "8h", "24h", "36h" })]
    public void InPhase_ByPlannedDuration_OnlyLongPhasesGetThemUpToTheirEnd(string duration, string[] expected)
    {
        var phase = BuiltInPlans.ThreePhase.Phases[0] with { Duration = PlanDuration.Parse(duration) };

        Assert.Equal(expected, SummaryMilestone.InPhase(phase).Select(m => m.Key));
    }

    [Fact]
    public void Parse_KeysRoundTripAndUnknownKeysAreRefused()
    {
        Assert.Equal(TimeSpan.FromHours(24), SummaryMilestone.Parse("24h")!.Offset);
        Assert.True(SummaryMilestone.Parse("end")!.IsPhaseEnd);
        Assert.Null(SummaryMilestone.Parse("12h"));
        Assert.Equal(("8 h into soak", "End of soak"), (SummaryMilestone.Parse("8h")!.Title("soak"), SummaryMilestone.PhaseEnd.Title("soak")));
    }
}
