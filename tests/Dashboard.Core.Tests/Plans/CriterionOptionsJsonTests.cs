using System.Text.Json.Nodes;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The per-criterion options mustHaveData, dryRun and onInconclusive in plan files.</summary>
public sealed class CriterionOptionsJsonTests
{
    private static JsonObject Criterion(JsonObject plan, int phase, int index) => plan.Phase(phase)["criteria"]![index]!.AsObject();

    [Fact]
    public void Parse_CriterionOptions_ReadsEachOne()
    {
        var result = PlanEdits.ParseEdited(plan =>
        {
            Criterion(plan, 0, 0)["mustHaveData"] = true;
            Criterion(plan, 0, 1)["dryRun"] = true;
            Criterion(plan, 0, 2)["onInconclusive"] = "fail";
            Criterion(plan, 0, 3)["onInconclusive"] = "Pause";
        });

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var criteria = result.Plan.Phases[0].Criteria;
        Assert.Equal((true, false, InconclusiveAction.Pause), Options(criteria[0]));
        Assert.Equal((false, true, InconclusiveAction.Pause), Options(criteria[1]));
        Assert.Equal((false, false, InconclusiveAction.Fail), Options(criteria[2]));
        Assert.Equal((false, false, InconclusiveAction.Pause), Options(criteria[3]));
    }

    [Fact]
    public void Parse_PlanWrittenBeforeTheOptions_GetsTheDefaults()
    {
        const string stored = """
            { "id": "old", "name": "Stored before the options", "phases": [ {
              "name": "canary", "trafficPercent": 1, "duration": "1h", "checkpoints": ["1h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 1, "warnMargin": 0.2 } ],
              "gate": { "type": "autoAdvance" } } ] }
            """;

        var result = PlanJson.Parse(stored);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var criterion = Assert.Single(result.Plan.Phases[0].Criteria);
        Assert.Equal((false, false, InconclusiveAction.Pause), Options(criterion));
        Assert.Equal(PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 1, 0.2), criterion);
    }

    [Fact]
    public void Serialize_ThenParse_KeepsEveryOption()
    {
        var phase = BuiltInPlans.ThreePhase.Phases[0];
        var edited = phase with
        {
            Criteria =
            [
                phase.Criteria[0] with { MustHaveData = true },
                phase.Criteria[1] with { DryRun = true, OnInconclusive = InconclusiveAction.Fail },
                .. phase.Criteria.Skip(2),
            ],
        };
        var plan = BuiltInPlans.ThreePhase with { Phases = [edited, .. BuiltInPlans.ThreePhase.Phases.Skip(1)] };

        var json = PlanJson.Serialize(plan);
        var back = PlanJson.Parse(json);

        Assert.True(back.IsValid, string.Join("\n", back.Problems));
        Assert.Equal(plan.Phases[0].Criteria, back.Plan.Phases[0].Criteria);
        Assert.Contains("\"mustHaveData\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"dryRun\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"onInconclusive\": \"fail\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_DefaultOptions_WritesNoOptionProperty()
    {
        var json = PlanJson.Serialize(BuiltInPlans.ThreePhase);

        Assert.DoesNotContain("mustHaveData", json, StringComparison.Ordinal);
        Assert.DoesNotContain("dryRun", json, StringComparison.Ordinal);
        Assert.DoesNotContain("onInconclusive", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownInconclusiveAction_IsReportedWithPathAndChoices()
    {
        var problems = PlanEdits.ProblemsAfter(plan => Criterion(plan, 0, 2)["onInconclusive"] = "maybe");

        Assert.Equal(["phases[0].criteria[2].onInconclusive: 'maybe' is not one of pause, fail"], problems);
    }

    [Fact]
    public void Parse_OptionsOfTheWrongType_AreReportedAtTheirPaths()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            Criterion(plan, 1, 0)["mustHaveData"] = "yes";
            Criterion(plan, 1, 1)["dryRun"] = 1;
            Criterion(plan, 1, 2)["onInconclusive"] = false;
        });

        Assert.Equal(
        [
            "phases[1].criteria[0].mustHaveData: expected true or false, got the string \"yes\"",
            "phases[1].criteria[1].dryRun: expected true or false, got the number 1",
            "phases[1].criteria[2].onInconclusive: expected a string, got false",
        ], problems);
    }

    [Fact]
    public void Parse_EveryCriterionOfAPhaseADryRun_IsReported()
    {
        var problems = PlanEdits.ProblemsAfter(plan =>
        {
            foreach (var criterion in plan.Phase(1)["criteria"]!.AsArray())
            {
                criterion!["dryRun"] = true;
            }
        });

        Assert.Equal(["phases[1].criteria: a phase needs at least one pass criterion that is not a dry run"], problems);
    }

    [Fact]
    public void Validate_UndefinedInconclusiveActionSetInCode_IsReported()
    {
        var phase = BuiltInPlans.Tiered.Phases[0];
        var plan = BuiltInPlans.Tiered with
        {
            Phases = [phase with { Criteria = [phase.Criteria[0] with { OnInconclusive = (InconclusiveAction)7 }, .. phase.Criteria.Skip(1)] }],
        };

        Assert.Equal(["phases[0].criteria[0].onInconclusive: '7' is not one of pause, fail"], PlanValidator.Validate(plan).Select(problem => problem.ToString()));
    }

    [Fact]
    public void BuiltInPlans_UseTheDefaultOptions()
    {
        var criteria = BuiltInPlans.All.SelectMany(plan => plan.Phases).SelectMany(phase => phase.Criteria).ToList();

        Assert.NotEmpty(criteria);
        Assert.All(criteria, criterion => Assert.Equal((false, false, InconclusiveAction.Pause), Options(criterion)));
    }

    private static (bool MustHaveData, bool DryRun, InconclusiveAction OnInconclusive) Options(PassCriterion criterion) =>
        (criterion.MustHaveData, criterion.DryRun, criterion.OnInconclusive);
}
