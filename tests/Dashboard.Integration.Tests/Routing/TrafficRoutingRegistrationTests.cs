using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Routing;
using Dashboard.Web.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Routing;

public sealed class TrafficRoutingRegistrationTests
{
    [Fact]
    public void AddTrafficRouting_KindDefault_ResolvesTheDemoRouter()
    {
        using var services = Build([]);

        Assert.IsType<DemoTrafficRouter>(services.GetRequiredService<ITrafficRouter>());
    }

    [Fact]
    public void AddTrafficRouting_KindHaproxy_ResolvesTheHaproxyRouterWithItsSettings()
    {
        using var services = Build(new()
        {
            ["Routing:Kind"] = "Haproxy",
            ["Routing:Haproxy:RuntimeApi"] = "tcp:127.0.0.1:9999",
            ["Routing:Haproxy:Backend"] = "payments",
        });

        var router = Assert.IsType<HaproxyRuntimeRouter>(services.GetRequiredService<ITrafficRouter>());
        Assert.Equal("HAProxy payments (baseline/canary) via tcp:127.0.0.1:9999", router.Name);
    }

    [Fact]
    public void AddTrafficRouting_BadSetting_FailsValidationNamingTheKey()
    {
        using var services = Build(new() { ["Routing:Kind"] = "Haproxy", ["Routing:Haproxy:Timeout"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RoutingOptions>>().Value);
        Assert.Contains("Routing:Haproxy:Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTrafficRouting_BuiltInWithoutTheDemoRouter_SaysWhatToRegister()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddTrafficRouting(configuration).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ITrafficRouter>());
        Assert.Contains("AddBuiltInTrafficRouter()", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // The web project's order is free; put the built-in router first to show HAProxy still wins when configured.
        return new ServiceCollection()
            .AddLogging()
            .AddDemo(configuration)
            .AddBuiltInTrafficRouter()
            .AddTrafficRouting(configuration)
            .BuildServiceProvider();
    }
}
