using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class CheckpointEvaluationJsonTests
{
    [Fact]
    public void Json_RoundTrip_KeepsEveryValue()
    {
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var criterion = CriterionEvaluation.Judge(new Criterion("errorRatePct", Comparator.LessThan, 1, 0.2), "%", 0.9, null,
            "unused", "SELECT 1", TimeSpan.FromMinutes(1), [new IntervalSample(start, 0.9, 0.5), new IntervalSample(start.AddMinutes(1), null, 0.4)]);
        var evaluation = new CheckpointEvaluation("r-1", 0, "canary", TimeSpan.FromMinutes(15),
            new CheckpointWindow(start, start.AddMinutes(15), start), start.AddMinutes(16), [criterion], Verdict.Warn,
            CheckpointDecision.MonitorClosely, "a criterion is inside its WARN margin", [new CriterionTrend("errorRatePct", null, null, 0.1, MetricTrend.Unknown)]);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(evaluation, options);
        var back = JsonSerializer.Deserialize<CheckpointEvaluation>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Equal(Verdict.Warn, back.Criteria[0].Verdict);
        Assert.Equal([0.9], back.Criteria[0].CanarySamples);
        Assert.Null(back.Criteria[0].NoDataReason);
    }
}
