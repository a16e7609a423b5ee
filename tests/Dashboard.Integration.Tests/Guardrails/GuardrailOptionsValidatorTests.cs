using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Leadership;

namespace Dashboard.Integration.Tests.Guardrails;

public sealed class GuardrailOptionsValidatorTests
{
    private static string? FailureOf(GuardrailOptions options, StateStoreProvider provider = StateStoreProvider.Sqlite, TimeSpan? keepalive = null) =>
        new GuardrailOptionsValidator(
                Options.Create(new MetricsSchemaOptions()),
                Options.Create(new StateStoreOptions { Provider = provider }),
                Options.Create(new LeadershipOptions { KeepaliveCadence = keepalive ?? new LeadershipOptions().KeepaliveCadence }))
            .Validate(null, options).FailureMessage;

    [Fact]
    public void Validate_PostgreSqlDefaults_Succeed() => Assert.Null(FailureOf(new GuardrailOptions(), StateStoreProvider.PostgreSql));

    [Fact]
    public void Validate_PostgreSqlPollShorterThanTwoKeepalives_NamesBothKeys()
    {
        var failure = FailureOf(new() { PollInterval = TimeSpan.FromSeconds(1) }, StateStoreProvider.PostgreSql, TimeSpan.FromSeconds(2));

        Assert.Contains("Guardrails:PollInterval (00:00:01) must be at least 2 × Leadership:KeepaliveCadence (00:00:04)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SqlitePollShorterThanTwoKeepalives_Succeeds() =>
        Assert.Null(FailureOf(new() { PollInterval = TimeSpan.FromSeconds(1) }, StateStoreProvider.Sqlite, TimeSpan.FromSeconds(2)));

    [Fact]
    public void Validate_PostgreSqlPollOfTwoShortKeepalives_Succeeds() =>
        Assert.Null(FailureOf(new() { PollInterval = TimeSpan.FromSeconds(1) }, StateStoreProvider.PostgreSql, TimeSpan.FromMilliseconds(500)));

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
