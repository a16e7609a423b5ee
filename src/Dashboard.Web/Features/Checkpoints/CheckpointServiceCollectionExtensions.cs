using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

public static class CheckpointServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scheduled checkpoints: Quartz with its persistent job store in the state database
    /// (schema created at start-up when missing), the evaluator, the runner, the schedule sync and the
    /// validated <c>Rollout:TimeScale</c>. Needs <c>AddInflux</c>, <c>AddStateStore</c> and <c>AddRollouts</c>.
    /// </summary>
    public static IServiceCollection AddCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RolloutClockOptions>().Bind(configuration.GetSection(RolloutClockOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolloutClockOptions>, RolloutClockOptionsValidator>());
        services.AddCheckpointEvaluator(configuration);

        var stateStore = configuration.GetSection(StateStoreOptions.Section).Get<StateStoreOptions>() ?? new StateStoreOptions();
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(stateStore.ConnectionString);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        services.TryAddSingleton<CheckpointRunner>();
        services.TryAddSingleton<CheckpointScheduler>();
        services.TryAddSingleton<RolloutChangeFeedSubscription>();
        services.AddHostedService<CheckpointScheduleSync>();
        return services;
    }

    /// <summary>Maps <c>GET /api/rollouts/{id}/checkpoints</c>.</summary>
    public static IEndpointRouteBuilder MapCheckpointEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet($"{RolloutEndpoints.RolloutsPath}/{{id:guid}}/checkpoints", async (Guid id, RolloutStore store, CheckpointVerdictStore verdicts, CancellationToken ct) =>
                await store.FindAsync(id, ct) is null
                    ? Results.Problem(detail: $"Rollout {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.")
                    : Results.Ok((await verdicts.ListAsync(id, ct)).Select(CheckpointVerdictView.From).ToList()))
            .WithTags("Rollouts").WithName("ListCheckpointVerdicts")
            .WithSummary("The rollout's persisted checkpoint verdicts in due order: per criterion the measured values, the InfluxQL, the samples, the verdict; the decision; how late.")
            .Produces<IReadOnlyList<CheckpointVerdictView>>().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
