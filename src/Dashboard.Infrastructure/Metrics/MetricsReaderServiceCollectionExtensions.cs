using Dashboard.Core.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Metrics;

public static class MetricsReaderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMetricsReader"/> over InfluxDB with the <c>Metrics</c> section, validated
    /// at start-up. Needs an <c>IInfluxClient</c> (<c>AddInflux</c>).
    /// </summary>
    public static IServiceCollection AddMetricsReader(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MetricsSchemaOptions>()
            .Bind(configuration.GetSection(MetricsSchemaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsSchemaOptions>, MetricsSchemaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InfluxMetricsReader>();
        services.TryAddSingleton<IMetricsReader>(provider => provider.GetRequiredService<InfluxMetricsReader>());
        services.TryAddSingleton<ICohortIntervalReader>(provider => provider.GetRequiredService<InfluxMetricsReader>());
        return services;
    }
}
