using Dashboard.Integration.Tests.Rollouts;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// A checkpoint verdict keeps its <c>Verdict</c> and <c>CheckpointDecision</c> in C#; on the wire it is the
/// JSON clients always had, with both by name, as the stored evaluation names them.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointVerdictJsonTests(InfluxServerFixture influx)
{
    private static readonly string[] Volatile = ["phaseStartedAt", "dueAt", "evaluatedAt", "lateBy", "evaluation"];

    private static readonly string FirstVerdictWithoutData = ViewJson.Compact("""
        {
          "phaseIndex": 0, "phase": "canary", "checkpoint": "00:15:00",
          "phaseStartedAt": "*", "dueAt": "*", "evaluatedAt": "*", "lateBy": "*",
          "verdict": "NoData", "decision": "MonitorClosely", "evaluation": "*"
        }
        """);

    [Fact]
    public async Task FirstVerdict_WithNoData_NamesItsVerdictAndDecisionAsTheStoredEvaluationDoes()
    {
        // No data flows, so the first checkpoint is NO_DATA.
        await using var app = await CheckpointPageApp.StartAsync(influx, new Dictionary<string, string> { ["Demo__Enabled"] = "false" });

        var (_, verdict) = await CheckpointPageApp.StartRolloutWithFirstVerdictAsync(app);

        Assert.Equal(FirstVerdictWithoutData, ViewJson.Masked(verdict, Volatile));
        var stored = verdict.GetProperty("evaluation");
        Assert.Equal(
            (stored.GetProperty("overallVerdict").GetString(), stored.GetProperty("suggestedDecision").GetString()),
            (verdict.GetProperty("verdict").GetString(), verdict.GetProperty("decision").GetString()));
    }
}
