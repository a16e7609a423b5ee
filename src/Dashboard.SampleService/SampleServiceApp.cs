using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.SampleService;

/// <summary>Builds the sample service: options, InfluxDB writing, the aggregator and the endpoints.</summary>
public static class SampleServiceApp
{
    /// <param name="args">Command-line arguments: <c>--urls</c>, <c>--Sample:Cohort canary</c>, …</param>
    /// <param name="configure">Lets tests add configuration (and replace services) before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // One line per InfluxDB write at Information would drown the service's own log.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        configure?.Invoke(builder);
        var services = builder.Services;

        services.AddOptions<SampleOptions>()
            .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SampleOptions>, SampleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // AddInflux first: hosted services stop in reverse order, so the writer queues its last
        // interval before the flusher drains the buffer.
        services.AddInflux(builder.Configuration);
        services.AddSingleton<RequestAggregator>();
        services.AddHostedService<RequestsPointWriter>();

        var app = builder.Build();
        app.MapAnalyze();
        return app;
    }
}
