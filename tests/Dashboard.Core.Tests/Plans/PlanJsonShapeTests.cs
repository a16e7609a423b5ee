using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>Wrong types and unknown fields: reported once at their path, never repeated as "required".</summary>
public sealed class PlanJsonShapeTests
{
    [Fact]
    public void TrafficAsString_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["trafficPercent"] = "10");

        Assert.Equal(["phases[0].trafficPercent: expected a whole number, got the string \"10\""], problems);
    }

    [Fact]
    public void TrafficWithDecimals_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["trafficPercent"] = 10.5);

        Assert.Equal(["phases[0].trafficPercent: expected a whole number, got 10.5"], problems);
    }

    [Fact]
    public void DurationNotParsable_IsReportedWithExamples()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["duration"] = "2 hours");

        Assert.Equal(["phases[0].duration: '2 hours' is not a duration (e.g. 15m, 1.5h, 36h, 7d)"], problems);
    }

    [Fact]
    public void DurationAsNumber_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["duration"] = 4);

        Assert.Equal(["phases[1].duration: expected a duration string (e.g. 15m, 1.5h, 36h, 7d), got the number 4"], problems);
    }

    [Fact]
    public void BadCheckpointText_IsReportedAndTheOthersStillChecked()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Phase(0)["checkpoints"]![1] = "half an hour";
            plan.Phase(0)["checkpoints"]![3] = "3h";
        });

        Assert.Equal(
            [
                "phases[0].checkpoints[1]: 'half an hour' is not a duration (e.g. 15m, 1.5h, 36h, 7d)",
                "phases[0].checkpoints[3]: offset 3h is past the phase duration 2h",
                "phases[0].checkpoints[4]: offset 2h comes after 3h: checkpoints must be in ascending order",
            ],
            problems);
    }

    [Fact]
    public void UnknownProperty_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["trafic"] = 5);

        Assert.Equal(["phases[0].trafic: unknown property 'trafic'"], problems);
    }

    [Fact]
    public void RepeatedProperty_IsReported()
    {
        var json = PlanJson.Serialize(BuiltInPlans.ThreePhase).Replace("\"id\": \"three-phase\",", "\"id\": \"three-phase\", \"id\": \"again\",", StringComparison.Ordinal);

        var problem = Assert.Single(PlanJson.Parse(json).Problems);

        Assert.Equal("id: property 'id' appears more than once", problem.ToString());
    }

    [Fact]
    public void UnknownComparator_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["criteria"]![0]!["comparator"] = "=");

        Assert.Equal(["phases[0].criteria[0].comparator: unknown comparator '=' (use <, <=, >, >= or lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual)"], problems);
    }

    [Fact]
    public void ThresholdAsString_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["criteria"]![0]!["threshold"] = "1%");

        Assert.Equal(["phases[0].criteria[0].threshold: expected a number, got the string \"1%\""], problems);
    }

    [Fact]
    public void PhaseNotAnObject_IsReportedOnceForThePhase()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan["phases"]![1] = "ramp");

        Assert.Equal(["phases[1]: expected an object, got the string \"ramp\""], problems);
    }

    [Fact]
    public void GateNotAnObject_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["gate"] = "autoAdvance");

        Assert.Equal(["phases[1].gate: expected an object, got the string \"autoAdvance\""], problems);
    }

    [Fact]
    public void UnknownGateType_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["gate"]!["type"] = "manual");

        Assert.Equal(["phases[1].gate.type: expected one of autoAdvance, signOff, got the string \"manual\""], problems);
    }

    [Fact]
    public void UnknownContingencyAction_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["contingencyRules"]![2]!["action"] = "page");

        Assert.Equal(["phases[2].contingencyRules[2].action: expected one of reduceTraffic, monitorClosely, log, got the string \"page\""], problems);
    }

    [Fact]
    public void CheckpointsNotAnArray_IsReportedOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["checkpoints"] = "15m");

        Assert.Equal(["phases[0].checkpoints: expected an array, got the string \"15m\""], problems);
    }

    [Fact]
    public void ExplicitNullDescription_IsAbsent()
    {
        var result = PlanEdits.ParseEdited(plan => plan["description"] = null);

        Assert.True(result.IsValid);
        Assert.Null(result.Plan.Description);
    }

    [Fact]
    public void RetryNotABoolean_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan["onFailedPhase"] = new System.Text.Json.Nodes.JsonObject { ["holdFor"] = "14d", ["retry"] = "yes" });

        Assert.Equal(["onFailedPhase.retry: expected true or false, got the string \"yes\""], problems);
    }
}
