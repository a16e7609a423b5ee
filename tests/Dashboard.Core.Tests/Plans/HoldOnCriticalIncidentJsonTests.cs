using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The phase option holdOnCriticalIncident in plan files and the built-in plans.</summary>
public sealed class HoldOnCriticalIncidentJsonTests
{
    [Fact]
    public void BuiltInPlans_HoldEveryPhaseOnACriticalIncident_AndSaySoInTheirJson()
    {
        Assert.All(BuiltInPlans.All.SelectMany(plan => plan.Phases), phase => Assert.True(phase.HoldOnCriticalIncident, phase.Name));
        Assert.True(PlanEdits.ThreePhaseJson().Phase(0)["holdOnCriticalIncident"]!.GetValue<bool>());
    }

    [Fact]
    public void Parse_WithoutTheField_DoesNotHold_AndSerializeOmitsIt()
    {
        var result = PlanEdits.ParseEdited(plan => plan.Phase(1).Remove("holdOnCriticalIncident"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.False(result.Plan.Phases[1].HoldOnCriticalIncident);
        Assert.True(result.Plan.Phases[0].HoldOnCriticalIncident);
        Assert.DoesNotContain("holdOnCriticalIncident", PlanJson.Serialize(result.Plan with { Phases = [result.Plan.Phases[1]] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotABoolean_IsAProblemAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["holdOnCriticalIncident"] = "yes");

        Assert.Contains(problems, problem => problem.StartsWith("phases[2].holdOnCriticalIncident:", StringComparison.Ordinal));
    }
}
