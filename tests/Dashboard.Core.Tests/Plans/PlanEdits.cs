using System.Text.Json.Nodes;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The three-phase plan as JSON, edited and parsed again: each test breaks exactly one thing.</summary>
internal static class PlanEdits
{
    public static JsonObject ThreePhaseJson() => JsonNode.Parse(PlanJson.Serialize(BuiltInPlans.ThreePhase))!.AsObject();

    public static JsonObject Phase(this JsonObject plan, int index) => plan["phases"]![index]!.AsObject();

    public static PlanParseResult ParseEdited(Action<JsonObject> edit)
    {
        var plan = ThreePhaseJson();
        edit(plan);
        return PlanJson.Parse(plan.ToJsonString());
    }

    public static IReadOnlyList<string> ProblemsAfter(Action<JsonObject> edit)
    {
        var result = ParseEdited(edit);
        Assert.False(result.IsValid);
        Assert.Null(result.Plan);
        return [.. result.Problems.Select(problem => problem.ToString())];
    }
}
