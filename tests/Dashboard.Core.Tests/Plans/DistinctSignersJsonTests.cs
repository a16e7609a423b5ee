using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The gate option distinctSigners in plan files, plans built in code and the built-in plans.</summary>
public sealed class DistinctSignersJsonTests
{
    [Fact]
    public void BuiltInPlans_AskForDistinctSigners_AndTheirJsonOmitsIt()
    {
        Assert.All(BuiltInPlans.All.SelectMany(plan => plan.Phases), phase => Assert.True(phase.Gate.DistinctSigners, phase.Name));
        Assert.All(BuiltInPlans.All, plan => Assert.DoesNotContain("distinctSigners", PlanJson.Serialize(plan), StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DistinctSignersFalseOnASignOffGate_RoundTrips()
    {
        var result = PlanEdits.ParseEdited(plan => plan.Phase(0)["gate"]!["distinctSigners"] = false);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.False(result.Plan.Phases[0].Gate.DistinctSigners);
        Assert.True(result.Plan.Phases[2].Gate.DistinctSigners);
        var written = PlanJson.Serialize(result.Plan);
        Assert.Contains("\"distinctSigners\":false", written.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var again = PlanJson.Parse(written);
        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.False(again.Plan.Phases[0].Gate.DistinctSigners);
        Assert.Equal(written, PlanJson.Serialize(again.Plan));
    }

    [Fact]
    public void Parse_DistinctSignersTrue_IsTheDefault_AndSerializeOmitsIt()
    {
        var result = PlanEdits.ParseEdited(plan => plan.Phase(0)["gate"]!["distinctSigners"] = true);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.True(result.Plan.Phases[0].Gate.DistinctSigners);
        Assert.Equal(PlanJson.Serialize(BuiltInPlans.ThreePhase), PlanJson.Serialize(result.Plan));
    }

    [Fact]
    public void Parse_DistinctSignersFalseOnAnAutoAdvanceGate_IsAProblemAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["gate"]!["distinctSigners"] = false);

        Assert.Equal(["phases[1].gate.distinctSigners: only a sign-off gate takes distinctSigners: nobody signs an auto-advance gate"], problems);
    }

    [Fact]
    public void Parse_DistinctSignersNotABoolean_IsAProblemAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!["distinctSigners"] = "no");

        Assert.Contains(problems, problem => problem.StartsWith("phases[0].gate.distinctSigners:", StringComparison.Ordinal));
    }
}
