using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

public static class InfluxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInfluxClient"/> (a typed <see cref="HttpClient"/>), the validated
    /// <see cref="InfluxOptions"/> from the <c>Influx</c> section, and the
    /// <see cref="InfluxWriteBuffer"/> with its background flusher.
    /// </summary>
    public static IServiceCollection AddInflux(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InfluxOptions>()
            .Bind(configuration.GetSection(InfluxOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The client is held by singletons (the write buffer, the poller), so the handler is kept for
        // the process and recycles its pooled connections itself to pick up DNS changes.
        services.AddHttpClient<IInfluxClient, InfluxHttpClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<InfluxWriteBuffer>();
        services.AddHostedService<InfluxWriteBufferFlusher>();
        services.AddHostedService<InfluxDatabaseInitializer>();
        return services;
    }
}
