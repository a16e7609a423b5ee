using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Options;
using Dashboard.Web.Features.Guardrails;

namespace Dashboard.Integration.Tests.Guardrails;

public sealed class GuardrailOptionsValidatorTests
{
    private static string? FailureOf(GuardrailOptions options) => new GuardrailOptionsValidator(Options.Create(new MetricsSchemaOptions())).Validate(null, options).FailureMessage;

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Null(FailureOf(new GuardrailOptions()));

    [Fact]
    public void Validate_ZeroPollInterval_NamesTheKey() =>
        Assert.Contains("Guardrails:PollInterval", FailureOf(new() { PollInterval = TimeSpan.Zero }), StringComparison.Ordinal);

    [Fact]
    public void Validate_MaxWindowShorterThanWindow_NamesBothKeys()
    {
        var failure = FailureOf(new() { Window = TimeSpan.FromMinutes(2), MaxWindow = TimeSpan.FromMinutes(1) });

        Assert.Contains("Guardrails:MaxWindow must be at least Guardrails:Window", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Validate_ConsecutiveBreachesOutOfRange_NamesTheKey(int breaches) =>
        Assert.Contains("Guardrails:ConsecutiveBreaches", FailureOf(new() { ConsecutiveBreaches = breaches }), StringComparison.Ordinal);

    [Fact]
    public void Validate_NegativeMinCanaryRequests_NamesTheKey() =>
        Assert.Contains("Guardrails:MinCanaryRequests", FailureOf(new() { MinCanaryRequests = -1 }), StringComparison.Ordinal);

    [Fact]
    public void Validate_RetryMaxBelowBase_NamesTheKey() =>
        Assert.Contains(
            "Guardrails:RouterRetryMaxDelay",
            FailureOf(new() { RouterRetryBaseDelay = TimeSpan.FromSeconds(10), RouterRetryMaxDelay = TimeSpan.FromSeconds(5) }),
            StringComparison.Ordinal);
}
