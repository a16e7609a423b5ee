using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>
/// The rollout feature wired as the app wires it (<c>AddStateStore</c>, <c>AddAccessAuthorization</c>, <c>AddRollouts</c>)
/// on a test's state store, router and clock; its hosted services are not started.
/// </summary>
internal static class RolloutServices
{
    /// <param name="store">The state store the services read and write.</param>
    /// <param name="router">The traffic router they drive.</param>
    /// <param name="clock">Their clock.</param>
    /// <param name="more">More features to add (sign-offs, leadership …).</param>
    public static ServiceProvider Build(TestStateStore store, ITrafficRouter router, TimeProvider clock, Action<IServiceCollection, IConfiguration>? more = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StateStore:ConnectionString"] = store.ConnectionString,
                ["Plans:Folder"] = string.Empty,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddStateStore(configuration);
        services.AddAccessAuthorization();
        services.AddRollouts(configuration);
        services.AddSingleton(router);
        more?.Invoke(services, configuration);
        return services.BuildServiceProvider();
    }
}
