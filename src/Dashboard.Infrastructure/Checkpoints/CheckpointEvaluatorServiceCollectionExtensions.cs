using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Checkpoints;

public static class CheckpointEvaluatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CheckpointEvaluator"/> with the <c>CheckpointEvaluation</c> section, validated
    /// at start-up. Needs <c>AddInflux</c> and <c>AddMetricsReader</c> (for the <c>Metrics</c> schema).
    /// </summary>
    public static IServiceCollection AddCheckpointEvaluator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CheckpointEvaluatorOptions>()
            .Bind(configuration.GetSection(CheckpointEvaluatorOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckpointEvaluatorOptions>, CheckpointEvaluatorOptionsValidator>());
        services.AddMetricsReader(configuration);
        services.TryAddSingleton<CheckpointEvaluator>();
        return services;
    }
}
