using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Checkpoints;

/// <summary>The new fields as the verdict store persists them (web defaults, enums as names), and old rows without them.</summary>
public sealed class CheckpointComparisonJsonTests
{
    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static CheckpointEvaluation Evaluation()
    {
        IntervalSample[] samples = [.. Enumerable.Range(0, 10).Select(i => new IntervalSample(Start.AddMinutes(i), 1 + (i * 0.1), i * 0.01))];
        var criterion = PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 5, 0.2) with { DryRun = true, OnInconclusive = InconclusiveAction.Fail };
        var judged = CriterionEvaluation.Judge(criterion, "%", 1.4, 1.9, null, "SELECT 1", TimeSpan.FromMinutes(1), samples);
        return new CheckpointEvaluation("r-1", 0, "canary", TimeSpan.FromMinutes(15),
            new CheckpointWindow(Start, Start.AddMinutes(15), Start), Start.AddMinutes(16), [judged], Verdict.NoData,
            CheckpointDecision.MonitorClosely, "a criterion has no data, which is never a pass", [],
            CheckpointComparison.Of([judged], new CanaryJudge(new CanaryJudgeOptions())));
    }

    [Fact]
    public void Json_EvaluationWithOptionsAndComparison_RoundTrips()
    {
        var json = JsonSerializer.Serialize(Evaluation(), StoreJson);
        var back = JsonSerializer.Deserialize<CheckpointEvaluation>(json, StoreJson)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, StoreJson));
        Assert.True(back.Criteria[0].DryRun);
        Assert.Equal(InconclusiveAction.Fail, back.Criteria[0].OnInconclusive);
        var metric = Assert.Single(back.Comparison!.Metrics);
        Assert.Equal(MetricClassification.High, metric.Classification);
        Assert.Equal(CanaryScoreClassification.Fail, back.Comparison.Classification);
        Assert.Contains("\"onInconclusive\":\"Fail\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rankBiserial\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_StoredBeforeTheNewFields_ReadsWithTheDefaults()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(Evaluation(), StoreJson))!.AsObject();
        node.Remove("comparison");
        var criterion = node["criteria"]![0]!.AsObject();
        foreach (var name in new[] { "dryRun", "mustHaveData", "onInconclusive", "note" })
        {
            Assert.True(criterion.Remove(name), name);
        }

        var old = JsonSerializer.Deserialize<CheckpointEvaluation>(node.ToJsonString(), StoreJson)!;

        Assert.Null(old.Comparison);
        Assert.Equal((false, false, InconclusiveAction.Pause, (string?)null),
            (old.Criteria[0].DryRun, old.Criteria[0].MustHaveData, old.Criteria[0].OnInconclusive, old.Criteria[0].Note));
        Assert.Equal(Verdict.Pass, old.Criteria[0].Verdict);
    }
}
