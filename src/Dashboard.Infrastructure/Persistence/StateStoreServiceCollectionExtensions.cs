using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

public static class StateStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="StateStoreOptions"/> (section <c>StateStore</c>), a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="WarRoomDbContext"/> on the configured engine, the
    /// <see cref="StateStoreMigrator"/> (the host calls it once at start-up), the <see cref="AuditLog"/> with its keys and checkpoints (<see cref="AuditChainServiceCollectionExtensions.AddAuditChain"/>),
    /// the <see cref="StateUnitOfWork"/>, <see cref="RolloutStore"/>, <see cref="TrafficChangeLog"/> and
    /// <see cref="StoredPlanStore"/>, the gates' <see cref="GateRecordStore"/>, the checkpoint evaluator's <see cref="IntervalSumStore"/>,
    /// and the raw <see cref="StateStore"/> for the readiness probe.
    /// </summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StateStoreOptions>().Bind(configuration.GetSection(StateStoreOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<WarRoomDbContext>((provider, builder) =>
            StateStoreDatabase.Configure(builder, provider.GetRequiredService<IOptions<StateStoreOptions>>().Value));
        services.TryAddSingleton<StateStore>();
        services.TryAddSingleton<StateStoreMigrator>();
        services.TryAddSingleton<StateUnitOfWork>();
        services.AddAuditChain(configuration);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditWindowQuery>();
        services.TryAddSingleton<RolloutStore>();
        services.TryAddSingleton<TrafficChangeLog>();
        services.TryAddSingleton<StoredPlanStore>();
        services.TryAddSingleton<CheckpointVerdictStore>();
        services.TryAddSingleton<Checkpoints.IIntervalSumStore, IntervalSumStore>();
        services.TryAddSingleton<ExecutiveSummaryStore>();
        services.TryAddSingleton<GuardrailMemoryStore>();
        services.TryAddSingleton<IncidentStore>();
        services.TryAddSingleton<HealthCheckStore>();
        services.TryAddSingleton<CheckpointDecisionStore>();
        services.TryAddSingleton<Access.PeopleStore>();
        services.TryAddSingleton<Access.PersonTimeZoneStore>();
        services.TryAddSingleton<Access.ApiKeyStore>();
        services.TryAddSingleton<Access.KioskLinkStore>();
        services.TryAddSingleton<GateRecordStore>();
        services.TryAddSingleton<Shifts.RosterStore>();
        services.TryAddSingleton<Shifts.ShiftHandoffStore>();
        return services;
    }
}
