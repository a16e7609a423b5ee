using Dashboard.Infrastructure.Routing;

namespace Dashboard.Integration.Tests.Routing;

public sealed class RoutingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);

    [Fact]
    public void Validate_HaproxyWithDefaults_Succeeds() =>
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions { Kind = RoutingKind.Haproxy }).Succeeded);

    [Fact]
    public void Validate_BuiltInWithBadHaproxySettings_IgnoresThem() =>
        Assert.True(new RoutingOptionsValidator().Validate(null, Broken(RoutingKind.BuiltIn)).Succeeded);

    [Fact]
    public void Validate_UnknownKind_NamesTheKey() =>
        Assert.Equal(
            "Routing:Kind must be BuiltIn or Haproxy",
            new RoutingOptionsValidator().Validate(null, new RoutingOptions { Kind = (RoutingKind)7 }).FailureMessage);

    [Fact]
    public void Validate_HaproxyWithEveryBadValue_NamesEveryKey()
    {
        var failure = new RoutingOptionsValidator().Validate(null, Broken(RoutingKind.Haproxy)).FailureMessage;

        foreach (var expected in new[]
        {
            "Routing:Haproxy:RuntimeApi must start with 'unix:' or 'tcp:'",
            "Routing:Haproxy:Backend must be a HAProxy name",
            "Routing:Haproxy:BaselineServer must be a HAProxy name",
            "Routing:Haproxy:CanaryServer must be a HAProxy name",
            "Routing:Haproxy:Timeout must be a positive time span",
        })
        {
            Assert.Contains(expected, failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SameServerForBothCohorts_Fails() =>
        Assert.Contains(
            "Routing:Haproxy:CanaryServer must differ from Routing:Haproxy:BaselineServer",
            new RoutingOptionsValidator().Validate(null, new RoutingOptions
            {
                Kind = RoutingKind.Haproxy,
                Haproxy = new HaproxyRoutingOptions { BaselineServer = "web1", CanaryServer = "web1" },
            }).FailureMessage,
            StringComparison.Ordinal);

    private static RoutingOptions Broken(RoutingKind kind) => new()
    {
        Kind = kind,
        Haproxy = new HaproxyRoutingOptions
        {
            RuntimeApi = "/run/haproxy/admin.sock",
            Backend = "analyzer\nset server analyzer/canary weight 100",
            BaselineServer = "",
            CanaryServer = "can ary",
            Timeout = TimeSpan.Zero,
        },
    };
}
