using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

public sealed class PlanJsonTests
{
    private const string SmallPlan = """
        {
          // Comments and a trailing comma are fine in hand-written files.
          "id": "fast-canary",
          "name": "Fast canary",
          "phases": [
            {
              "name": "canary",
              "trafficPercent": 5,
              "expectedPopulation": 5000,
              "duration": "1.5h",
              "checkpoints": ["15m", "1h", "90m"],
              "criteria": [
                { "metric": "errorRatePct", "comparator": "<", "threshold": 1, "warnMargin": 0.2 },
                { "metric": "cacheEfficiencyPct", "comparator": "greaterThan", "threshold": 75, "fromCheckpoint": "1h" }
              ],
              "autoRollbackTriggers": [ { "metric": "p99Ms", "comparator": ">=", "threshold": 250 } ],
              "contingencyRules": [
                { "when": [ { "metric": "errorRatePct", "comparator": ">", "threshold": 0.5 } ], "action": "reduceTraffic", "trafficPercent": 1 },
                { "when": [ { "metric": "errorRatePct", "comparator": ">", "threshold": 0.2 } ], "action": "monitorClosely", "for": "30m" },
              ],
              "gate": { "type": "signOff", "roles": ["engineeringLead", "FinanceLead"], "checklistTemplateId": "canary-go" }
            }
          ]
        }
        """;

    [Fact]
    public void Parse_HandWrittenPlan_ReadsEveryField()
    {
        var result = PlanJson.Parse(SmallPlan);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var plan = result.Plan;
        Assert.Equal(("fast-canary", "Fast canary", null), (plan.Id, plan.Name, plan.Description));
        var phase = Assert.Single(plan.Phases);
        Assert.Equal(("canary", 5, "5000", TimeSpan.FromMinutes(90)), (phase.Name, phase.TrafficPercent, phase.ExpectedPopulation, phase.Duration));
        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromMinutes(90)], phase.Checkpoints);
        Assert.Equal(new Criterion("errorRatePct", Comparator.LessThan, 1, 0.2), phase.Criteria[0].Criterion);
        Assert.Equal(new PassCriterion(new Criterion("cacheEfficiencyPct", Comparator.GreaterThan, 75, 0), TimeSpan.FromHours(1)), phase.Criteria[1]);
        Assert.Equal(new MetricCondition("p99Ms", Comparator.GreaterThanOrEqual, 250), Assert.Single(phase.AutoRollbackTriggers));
        Assert.Equal(ContingencyAction.ReduceTrafficTo(1), phase.ContingencyRules[0].Then);
        Assert.Equal(ContingencyAction.MonitorClosely(TimeSpan.FromMinutes(30)), phase.ContingencyRules[1].Then);
        Assert.Equal(GateKind.SignOff, phase.Gate.Kind);
        Assert.Equal([SignOffRole.EngineeringLead, SignOffRole.FinanceLead], phase.Gate.RequiredRoles);
        Assert.Equal("canary-go", phase.Gate.ChecklistTemplateId);
    }

    [Fact]
    public void Parse_OptionalListsMissing_ReadsThemAsEmpty()
    {
        var result = PlanEdits.ParseEdited(plan =>
        {
            plan.Phase(0).Remove("autoRollbackTriggers");
            plan.Phase(0).Remove("contingencyRules");
            plan.Phase(0).Remove("expectedPopulation");
        });

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Plan.Phases[0].AutoRollbackTriggers);
        Assert.Empty(result.Plan.Phases[0].ContingencyRules);
        Assert.Null(result.Plan.Phases[0].ExpectedPopulation);
    }

    [Fact]
    public void Serialize_WritesReadableSymbolsAndDurations()
    {
        var json = PlanJson.Serialize(BuiltInPlans.ThreePhase);

        Assert.Contains("\"comparator\": \"<\"", json, StringComparison.Ordinal);
        Assert.Contains("\"duration\": \"36h\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fromCheckpoint\": \"2h\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"autoAdvance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"roles\": [", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ThenParse_KeepsTheTieredPolicy()
    {
        var parsed = PlanJson.Parse(PlanJson.Serialize(BuiltInPlans.Tiered));

        Assert.Equal(BuiltInPlans.Tiered.OnFailedPhase, parsed.Plan!.OnFailedPhase);
        Assert.Contains("\"holdFor\": \"14d\"", PlanJson.Serialize(BuiltInPlans.Tiered), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndPosition()
    {
        var result = PlanJson.Parse("{\n  \"id\": \"x\",\n  \"name\" \"y\"\n}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("invalid JSON at line 3, position 10: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedJson_IsASyntaxError()
    {
        var result = PlanJson.Parse("{ \"id\": \"x\", \"phases\": [");

        Assert.False(result.IsValid);
        Assert.StartsWith("$: invalid JSON", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$: expected an object, got an array")]
    [InlineData("42", "$: expected an object, got the number 42")]
    [InlineData("null", "$: expected an object, got null")]
    public void Parse_RootNotAnObject_SaysSo(string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(PlanJson.Parse(json).Problems).ToString());
    }

    [Fact]
    public void Parse_EmptyObject_ReportsEveryMissingField()
    {
        var problems = PlanJson.Parse("{}").Problems.Select(problem => problem.ToString());

        Assert.Equal(["id: an id is required", "name: a name is required", "phases: a plan needs at least one phase"], problems);
    }
}
