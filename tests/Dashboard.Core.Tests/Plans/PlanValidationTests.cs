using System.Text.Json.Nodes;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>Every rule of docs/plans.md with the exact path and text it reports.</summary>
public sealed class PlanValidationTests
{
    private static JsonArray Strings(params string[] values) => [.. values.Select(value => (JsonNode?)JsonValue.Create(value))];

    [Fact]
    public void CheckpointPastDuration_IsReportedWithPathAndBothDurations()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["checkpoints"] = Strings("15m", "30m", "5h"));

        Assert.Equal(["phases[1].checkpoints[2]: offset 5h is past the phase duration 4h"], problems);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(-1)]
    [InlineData(101)]
    public void TrafficOutside0To100_IsReported(int traffic)
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["trafficPercent"] = traffic);

        Assert.Equal([$"phases[0].trafficPercent: traffic {traffic} is outside 0..100"], problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void TrafficAtTheBounds_IsValid(int traffic)
    {
        Assert.True(PlanEdits.ParseEdited(plan => plan.Phase(1)["trafficPercent"] = traffic).IsValid);
    }

    [Fact]
    public void UnknownMetric_IsReportedWithTheKnownKeys()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["criteria"]![0]!["metric"] = "errorRate");

        var problem = Assert.Single(problems);
        Assert.StartsWith("phases[0].criteria[0].metric: unknown metric 'errorRate' (known: errorRatePct, p99Ms", problem, StringComparison.Ordinal);
        Assert.Contains("criticalIncidents", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMetricInTriggerOrContingency_IsReportedAtItsPath()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Phase(0)["autoRollbackTriggers"]![1]!["metric"] = "p999Ms";
            plan.Phase(2)["contingencyRules"]![1]!["when"]![0]!["metric"] = "errors";
        });

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("phases[0].autoRollbackTriggers[1].metric: unknown metric 'p999Ms'", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("phases[2].contingencyRules[1].when[0].metric: unknown metric 'errors'", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateCheckpoint_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["checkpoints"] = Strings("15m", "15m", "2h"));

        Assert.Equal(["phases[0].checkpoints[1]: offset 15m repeats phases[0].checkpoints[0]"], problems);
    }

    [Fact]
    public void UnsortedCheckpoints_AreReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["checkpoints"] = Strings("30m", "15m", "2h"));

        Assert.Equal(["phases[0].checkpoints[1]: offset 15m comes after 30m: checkpoints must be in ascending order"], problems);
    }

    [Fact]
    public void CheckpointAtPhaseStart_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["checkpoints"] = Strings("0s", "2h"));

        Assert.Equal(["phases[0].checkpoints[0]: offset 0s must be after the phase start"], problems);
    }

    [Fact]
    public void NoCheckpoints_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["checkpoints"] = new JsonArray());

        Assert.Equal(["phases[0].checkpoints: a phase needs at least one checkpoint"], problems);
    }

    [Fact]
    public void EmptyPhases_IsReported()
    {
        Assert.Equal(["phases: a plan needs at least one phase"], PlanEdits.ProblemsAfter(plan => plan["phases"] = new JsonArray()));
    }

    [Fact]
    public void NoCriteria_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["criteria"] = new JsonArray());

        Assert.Equal(["phases[1].criteria: a phase needs at least one pass criterion"], problems);
    }

    [Fact]
    public void SignOffGateWithoutRoles_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!.AsObject().Remove("roles"));

        Assert.Equal(["phases[0].gate.roles: a sign-off gate needs at least one role"], problems);
    }

    [Fact]
    public void AutoAdvanceGateWithRoles_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(1)["gate"]!["roles"] = Strings("productLead"));

        Assert.Equal(["phases[1].gate.roles: an auto-advance gate takes no roles"], problems);
    }

    [Fact]
    public void RoleListedTwice_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!["roles"] = Strings("engineeringLead", "operationsLead", "engineeringLead"));

        Assert.Equal(["phases[0].gate.roles[2]: role engineeringLead is listed twice"], problems);
    }

    [Fact]
    public void UnknownRole_IsReportedWithTheChoices()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!["roles"] = Strings("engineeringLead", "cto"));

        Assert.Equal(["phases[0].gate.roles[1]: expected one of engineeringLead, operationsLead, productLead, financeLead, got the string \"cto\""], problems);
    }

    [Fact]
    public void MissingGate_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0).Remove("gate"));

        Assert.Equal(["phases[0].gate: a gate is required (autoAdvance or signOff)"], problems);
    }

    [Fact]
    public void ChecklistIdNotASlug_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["gate"]!["checklistTemplateId"] = "Canary GO");

        Assert.Equal(["phases[0].gate.checklistTemplateId: 'Canary GO' is not a slug"], problems);
    }

    [Theory]
    [InlineData(120, "reduce-to 120 is outside 0..100")]
    [InlineData(-5, "reduce-to -5 is outside 0..100")]
    [InlineData(100, "reduce-to 100 is not below the phase's traffic 100")]
    public void ReduceTrafficTarget_OutsideRangeOrNotBelowThePhase_IsReported(int target, string message)
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["contingencyRules"]![0]!["trafficPercent"] = target);

        Assert.Equal([$"phases[2].contingencyRules[0].trafficPercent: {message}"], problems);
    }

    [Fact]
    public void ReduceTrafficWithoutTarget_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["contingencyRules"]![0]!.AsObject().Remove("trafficPercent"));

        Assert.Equal(["phases[2].contingencyRules[0].trafficPercent: reduceTraffic needs the traffic percent to reduce to"], problems);
    }

    [Fact]
    public void MonitorCloselyWithoutDuration_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["contingencyRules"]![1]!.AsObject().Remove("for"));

        Assert.Equal(["phases[2].contingencyRules[1].for: a monitoring duration is required"], problems);
    }

    [Fact]
    public void FieldsOfAnotherAction_AreReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Phase(2)["contingencyRules"]![2]!["trafficPercent"] = 10;
            plan.Phase(2)["contingencyRules"]![2]!["for"] = "1h";
        });

        Assert.Equal(
            [
                "phases[2].contingencyRules[2].trafficPercent: only reduceTraffic takes a traffic percent",
                "phases[2].contingencyRules[2].for: only monitorClosely takes a duration",
            ],
            problems);
    }

    [Fact]
    public void ContingencyWithoutConditionsOrAction_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Phase(2)["contingencyRules"]![2]!["when"] = new JsonArray();
            plan.Phase(2)["contingencyRules"]![2]!.AsObject().Remove("action");
        });

        Assert.Equal(
            [
                "phases[2].contingencyRules[2].when: a contingency rule needs at least one condition",
                "phases[2].contingencyRules[2].action: an action is required (reduceTraffic, monitorClosely or log)",
            ],
            problems);
    }

    [Fact]
    public void FromCheckpointNotAmongTheCheckpoints_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["criteria"]![6]!["fromCheckpoint"] = "3h");

        Assert.Equal(["phases[2].criteria[6].fromCheckpoint: 3h is not one of the phase's checkpoints"], problems);
    }

    [Fact]
    public void NegativeWarnMargin_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(0)["criteria"]![1]!["warnMargin"] = -2);

        Assert.Equal(["phases[0].criteria[1].warnMargin: warn margin -2 must be a number ≥ 0"], problems);
    }

    [Fact]
    public void MissingRequiredFields_AreEachReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Remove("name");
            plan.Phase(0).Remove("name");
            plan.Phase(0).Remove("trafficPercent");
            plan.Phase(0).Remove("duration");
            plan.Phase(1)["criteria"]![0]!.AsObject().Remove("metric");
            plan.Phase(1)["criteria"]![0]!.AsObject().Remove("comparator");
            plan.Phase(1)["criteria"]![0]!.AsObject().Remove("threshold");
        });

        Assert.Equal(
            [
                "name: a name is required",
                "phases[0].name: a name is required",
                "phases[0].trafficPercent: a traffic percent is required",
                "phases[0].duration: a duration is required",
                "phases[1].criteria[0].metric: a metric is required",
                "phases[1].criteria[0].comparator: a comparator is required (<, <=, >, >= or lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual)",
                "phases[1].criteria[0].threshold: a threshold is required",
            ],
            problems);
    }

    [Fact]
    public void DuplicatePhaseName_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan.Phase(2)["name"] = "Canary");

        Assert.Equal(["phases[2].name: duplicate phase name 'Canary' (also phases[0])"], problems);
    }

    [Theory]
    [InlineData("Three Phase")]
    [InlineData("three_phase")]
    [InlineData("-three")]
    [InlineData("three--phase")]
    public void IdNotASlug_IsReported(string id)
    {
        var problem = Assert.Single(PlanEdits.ProblemsAfter(plan => plan["id"] = id));

        Assert.StartsWith($"id: '{id}' is not a slug", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedPhaseHoldOfZero_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan => plan["onFailedPhase"] = new JsonObject { ["holdFor"] = "0s", ["retry"] = true });

        Assert.Equal(["onFailedPhase.holdFor: a hold duration must be longer than 0 (e.g. 15m, 1.5h, 36h, 7d)"], problems);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedAtOnce()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            plan.Phase(0)["trafficPercent"] = 120;
            plan.Phase(1)["checkpoints"] = Strings("15m", "30m", "5h");
            plan.Phase(2)["contingencyRules"]![0]!["trafficPercent"] = 120;
        });

        Assert.Equal(
            [
                "phases[0].trafficPercent: traffic 120 is outside 0..100",
                "phases[1].checkpoints[2]: offset 5h is past the phase duration 4h",
                "phases[2].contingencyRules[0].trafficPercent: reduce-to 120 is outside 0..100",
            ],
            problems);
    }

    [Fact]
    public void Validate_PlanBuiltInCode_AppliesTheSameRules()
    {
        var canary = BuiltInPlans.ThreePhase.Phases[0] with { TrafficPercent = 120, Checkpoints = [TimeSpan.FromHours(3)] };
        var plan = BuiltInPlans.ThreePhase with { Id = "", Phases = [canary] };

        var problems = PlanValidator.Validate(plan).Select(problem => problem.ToString());

        Assert.Equal(
            [
                "id: an id is required",
                "phases[0].trafficPercent: traffic 120 is outside 0..100",
                "phases[0].checkpoints[0]: offset 3h is past the phase duration 2h",
            ],
            problems);
    }

    [Fact]
    public void Validate_NonFiniteThresholdInCode_IsReported()
    {
        var canary = BuiltInPlans.ThreePhase.Phases[0] with { Criteria = [PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, double.NaN, 1)] };

        var problem = Assert.Single(PlanValidator.Validate(BuiltInPlans.ThreePhase with { Phases = [canary] }));

        Assert.Equal("phases[0].criteria[0].threshold: the threshold must be a finite number", problem.ToString());
    }
}
