using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>The judge's thresholds under <c>CheckpointEvaluation:Judge</c>: bound, defaulted and validated at start-up.</summary>
public sealed class CheckpointEvaluatorJudgeOptionsTests
{
    private static CheckpointEvaluatorOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddInflux(configuration).AddCheckpointEvaluator(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<CheckpointEvaluatorOptions>>().Value;
    }

    [Fact]
    public void Bind_NoJudgeSection_KeepsKayentasDefaults()
    {
        var judge = Bind([]).Judge;

        Assert.Equal((0.98, 0.25, 0.0, 3, 95.0, 75.0),
            (judge.Confidence, judge.ToleranceFraction, judge.MinimumRelativeEffect, judge.MinimumSamples, judge.PassScore, judge.MarginalScore));
    }

    [Fact]
    public void Bind_JudgeSection_SetsEveryThreshold()
    {
        var judge = Bind(new()
        {
            ["CheckpointEvaluation:Judge:Confidence"] = "0.95",
            ["CheckpointEvaluation:Judge:ToleranceFraction"] = "0.1",
            ["CheckpointEvaluation:Judge:MinimumRelativeEffect"] = "0.05",
            ["CheckpointEvaluation:Judge:MinimumSamples"] = "5",
            ["CheckpointEvaluation:Judge:PassScore"] = "90",
            ["CheckpointEvaluation:Judge:MarginalScore"] = "60",
        }).Judge;

        Assert.Equal((0.95, 0.1, 0.05, 5, 90.0, 60.0),
            (judge.Confidence, judge.ToleranceFraction, judge.MinimumRelativeEffect, judge.MinimumSamples, judge.PassScore, judge.MarginalScore));
    }

    [Fact]
    public void Bind_InvalidJudgeThresholds_FailNamingEachKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["CheckpointEvaluation:Judge:Confidence"] = "1",
            ["CheckpointEvaluation:Judge:MarginalScore"] = "96",
        }));

        Assert.Contains("CheckpointEvaluation:Judge:Confidence must be greater than 0.5 and less than 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("CheckpointEvaluation:Judge:MarginalScore must be between 0 and CheckpointEvaluation:Judge:PassScore", error.Message, StringComparison.Ordinal);
    }
}
