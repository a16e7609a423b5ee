using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Leadership;

public static class LeadershipServiceCollectionExtensions
{
    /// <summary>
    /// The automation lease: who of the instances on one state store acts for all of them. On PostgreSQL the
    /// <see cref="PostgreSqlLease"/> (validated <c>Leadership</c> settings) and its line on <c>/readyz</c>; on SQLite,
    /// alone, the <see cref="SingleInstanceLease"/>. Either way the validated <c>Cluster:InstanceName</c>.
    /// </summary>
    public static IServiceCollection AddLeadership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        var store = configuration.GetSection(StateStoreOptions.Section).Get<StateStoreOptions>() ?? new StateStoreOptions();
        if (store.Provider != StateStoreProvider.PostgreSql)
        {
            services.AddSingleton<IAutomationLease, SingleInstanceLease>();
            return services;
        }

        services.AddOptions<LeadershipOptions>().Bind(configuration.GetSection(LeadershipOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadershipOptions>, LeadershipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LeaseHolderQuery>();
        services.AddSingleton<PostgreSqlLease>();
        services.AddSingleton<IAutomationLease>(provider => provider.GetRequiredService<PostgreSqlLease>());
        services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlLease>());
        // "ready": the tag /readyz shows (Features/Health).
        services.AddHealthChecks().AddCheck<AutomationLeaseHealthCheck>("automationLease", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        return services;
    }
}
