using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

public static class CheckpointServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scheduled checkpoints: Quartz with its persistent job store in the state database
    /// (schema created at start-up when missing; clustered on PostgreSQL, with the validated <c>Scheduler</c>
    /// section), the <see cref="SchedulingLock"/>, the evaluator, the runner, the schedule sync, the
    /// checkpoint page's services (details, decisions, re-run), the verdict notifications and the
    /// background top-up of the running phases' settled sums.
    /// Needs <c>AddInflux</c>, <c>AddStateStore</c>, <c>AddRollouts</c> and <c>AddNotifications</c>.
    /// </summary>
    public static IServiceCollection AddCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCheckpointEvaluator(configuration);

        var stateStore = configuration.GetSection(StateStoreOptions.Section).Get<StateStoreOptions>() ?? new StateStoreOptions();
        services.AddOptions<SchedulerClusterOptions>().Bind(configuration.GetSection(SchedulerClusterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerClusterOptions>, SchedulerClusterOptionsValidator>());
        var cluster = configuration.GetSection(SchedulerClusterOptions.Section).Get<SchedulerClusterOptions>() ?? new SchedulerClusterOptions();
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                // The job store lives beside the app's state, on the same engine (docs/high-availability.md).
                if (stateStore.Provider == StateStoreProvider.PostgreSql)
                {
                    // Every instance on the database is one node of a Quartz cluster: a trigger fires on one node only,
                    // and a dead node's acquired triggers and recoverable running jobs go to a survivor. The instance
                    // id is generated (AUTO) once clustering is on.
                    store.UsePostgres(stateStore.ConnectionString);
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = cluster.CheckinInterval;
                        clustering.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(stateStore.ConnectionString);
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        services.TryAddSingleton<CheckpointRequestBuilder>();
        services.TryAddSingleton<CheckpointVerdictNotifications>();
        services.TryAddSingleton<CheckpointRunner>();
        services.TryAddSingleton<VerdictFollowUp>();
        services.TryAddSingleton<CheckpointDetails>();
        services.TryAddSingleton<CheckpointDecisionService>();
        services.TryAddSingleton<CheckpointReevaluation>();
        services.TryAddSingleton<SchedulingLock>();
        services.TryAddSingleton<CheckpointScheduler>();
        services.AddSingleton<IPhaseRunSchedule>(provider => provider.GetRequiredService<CheckpointScheduler>());
        services.AddHostedService<CheckpointScheduleSync>();
        services.AddHostedService<SchedulerNodeLog>();
        services.TryAddSingleton<CheckpointSumTopUp>();
        services.AddHostedService<CheckpointSumTopUpService>();
        return services;
    }
}
