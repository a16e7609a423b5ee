using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The gate option advanceOnWarn in plan files, plans built in code and the built-in plans.</summary>
public sealed class AdvanceOnWarnJsonTests
{
    [Fact]
    public void BuiltInPlans_NeverAdvanceOnWarn_AndTheirJsonOmitsIt()
    {
        Assert.All(BuiltInPlans.All.SelectMany(plan => plan.Phases), phase => Assert.False(phase.Gate.AdvanceOnWarn, phase.Name));
        Assert.All(BuiltInPlans.All, plan => Assert.DoesNotContain("advanceOnWarn", PlanJson.Serialize(plan), StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AdvanceOnWarnOnAnAutoAdvanceGate_RoundTrips()
    {
        var result = PlanEdits.ParseEdited(plan => plan.Phase(1)["gate"]!["advanceOnWarn"] = true);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.True(result.Plan.Phases[1].Gate.AdvanceOnWarn);
        Assert.False(result.Plan.Phases[0].Gate.AdvanceOnWarn);
        var written = PlanJson.Serialize(result.Plan);
        Assert.Contains("\"advanceOnWarn\":true", written.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var again = PlanJson.Parse(written);
        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.True(again.Plan.Phases[1].Gate.AdvanceOnWarn);
        Assert.Equal(written, PlanJson.Serialize(again.Plan));
    }

    [Fact]
    public void Parse_AdvanceOnWarnFalse_IsTheDefault_AndSerializeOmitsIt()
    {
        var result = PlanEdits.ParseEdited(plan => plan.Phase(1)["gate"]!["advanceOnWarn"] = false);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.False(result.Plan.Phases[1].Gate.AdvanceOnWarn);
        Assert.Equal(PlanJson.Serialize(BuiltInPlans.ThreePhase), PlanJson.Serialize(result.Plan));
    }

    [Fact]
    public void Parse_AdvanceOnWarnOnASignOffGate_IsAProblemAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!["advanceOnWarn"] = true);

        Assert.Equal(
            ["phases[0].gate.advanceOnWarn: only an auto-advance gate takes advanceOnWarn: a sign-off gate waits for its leads whatever the verdict"],
            problems);
    }

    [Fact]
    public void Parse_AdvanceOnWarnNotABoolean_IsAProblemAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["gate"]!["advanceOnWarn"] = "yes");

        Assert.Contains(problems, problem => problem.StartsWith("phases[1].gate.advanceOnWarn:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlanBuiltInCodeWithAdvanceOnWarnOnASignOffGate_IsAProblem()
    {
        var plan = BuiltInPlans.ThreePhase;
        var canary = plan.Phases[0] with { Gate = plan.Phases[0].Gate with { AdvanceOnWarn = true } };

        var problems = PlanValidator.Validate(plan with { Phases = [canary, .. plan.Phases.Skip(1)] });

        Assert.Contains(problems, problem => problem.ToString().StartsWith("phases[0].gate.advanceOnWarn:", StringComparison.Ordinal));
    }
}
