using System.Text.Json;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Core.Routing;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutEventJsonTests
{
    [Fact]
    public void Serialize_TrafficChange_WritesItsOwnFieldsInCamelCase()
    {
        using var json = JsonDocument.Parse(RolloutEventJson.Serialize(new TrafficChangeRequested(Id, 1, T0, "bob", "more <signal>", 1, 10)));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("fromPercent").GetInt32());
        Assert.Equal(10, root.GetProperty("toPercent").GetInt32());
        Assert.Equal("bob", root.GetProperty("actor").GetString());
        Assert.Equal("more <signal>", root.GetProperty("reason").GetString());
        Assert.Equal("traffic.changeRequested", root.GetProperty("kind").GetString());
        Assert.Equal(T0, root.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public void Serialize_Enums_AreWrittenAsCamelCaseNames()
    {
        var json = RolloutEventJson.Serialize(new SignOffRequested(Id, 0, T0, "engine", "window over", "canary", [SignOffRole.FinanceLead], null));
        var held = RolloutEventJson.Serialize(new PhaseHeld(Id, 0, T0, "dave", "look", "canary", PhaseState.AwaitingSignOff));

        Assert.Contains("\"roles\":[\"financeLead\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"previousState\":\"awaitingSignOff\"", held, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_TrafficReconciled_WritesTheObservationAndTheRecordedWeight()
    {
        using var json = JsonDocument.Parse(RolloutEventJson.Serialize(new TrafficReconciled(Id, 0, T0, "carol", "drift", 35, 65, 35.0, 10)));
        var root = json.RootElement;

        Assert.Equal("traffic.reconciled", root.GetProperty("kind").GetString());
        Assert.Equal(35, root.GetProperty("observedCanaryWeight").GetInt32());
        Assert.Equal(65, root.GetProperty("observedBaselineWeight").GetInt32());
        Assert.Equal(35.0, root.GetProperty("observedCanaryPercent").GetDouble());
        Assert.Equal(10, root.GetProperty("recordedPercent").GetInt32());
    }

    [Fact]
    public void EveryEventKind_IsDistinct()
    {
        var rollout = Started();
        List<RolloutEvent> events =
        [
            .. Accept(rollout.ChangeTraffic(2, "bob", "x", T0)).Events,
            .. Accept(rollout.RequestSignOff("engine", "x", T0)).Events,
            .. Accept(rollout.MarkPassed("engine", "x", T0)).Events,
            .. Accept(rollout.Hold("bob", "x", T0)).Events,
            .. Accept(rollout.Resume("bob", "x", T0)).Events,
            .. Accept(rollout.Hold("bob", "x", T0)).Events,
            .. Accept(rollout.RetryPhase("bob", "x", T0)).Events,
            .. Accept(rollout.Advance("bob", "x", T0)).Events,
            .. Accept(rollout.RollBack("bob", "x", T0)).Events,
            .. Accept(rollout.ReconcileTraffic(new TrafficWeights(5, 95), "carol", "x", T0)).Events,
        ];

        var kinds = events.Select(e => e.Kind).Distinct().ToList();

        Assert.Equal(
            ["traffic.changeRequested", "phase.signOffRequested", "phase.passed", "phase.held", "phase.resumed", "phase.retried", "phase.advanced", "rollout.rolledBack", "traffic.reconciled"],
            kinds);
    }
}
