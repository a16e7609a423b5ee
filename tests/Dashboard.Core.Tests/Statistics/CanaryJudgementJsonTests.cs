using System.Text.Json;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class CanaryJudgementJsonTests
{
    [Fact]
    public void Judgement_RoundTripsThroughJsonWithEnumsAsWords()
    {
        double[] baseline = [.. Enumerable.Range(95, 20).Select(value => (double)value)];
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge(
        [
            new MetricSamples("p99Ms", [.. baseline.Select(value => value + 30)], baseline, HarmfulDirection.Increase),
            new MetricSamples("errorRatePct", [], baseline, HarmfulDirection.Increase),
        ]);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(judgement, web);
        var restored = JsonSerializer.Deserialize<CanaryJudgement>(json, web)!;

        Assert.Contains("\"classification\":\"High\"", json, StringComparison.Ordinal);
        Assert.Contains("\"harmfulDirection\":\"Increase\"", json, StringComparison.Ordinal);
        Assert.Equal(judgement.Classification, restored.Classification);
        Assert.Equal(judgement.Score, restored.Score);
        Assert.Equal(judgement.Options, restored.Options);
        Assert.Equal(judgement.Metrics[0], restored.Metrics[0]);
        Assert.Equal(judgement.Metrics[1], restored.Metrics[1]);
    }
}
