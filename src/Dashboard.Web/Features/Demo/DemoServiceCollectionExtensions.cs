using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="DemoOptions"/> (section <c>Demo</c>), the
    /// <see cref="DemoFaultBoard"/>, the <see cref="DemoTrafficSplit"/> and the
    /// <see cref="DemoFaultService"/> (which needs <c>AddStateStore</c> and <c>AddRollouts</c> for the audit
    /// log and the authorization seam); with <c>Demo:Enabled</c> also the traffic simulator, which
    /// needs <c>AddInflux</c> for its client and write buffer.
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DemoOptions.SectionName);
        services.AddOptions<DemoOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DemoFaultBoard>();
        services.TryAddSingleton(sp => new DemoTrafficSplit(sp.GetRequiredService<IOptions<DemoOptions>>().Value.CanaryWeightPercent));
        services.TryAddSingleton<DemoFaultService>();

        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.TryAddSingleton<DemoTrafficSource>();
            services.TryAddSingleton<DemoHistoryBackfill>();
            services.TryAddSingleton<DemoTrafficSimulator>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoTrafficSimulator>());
        }

        return services;
    }
}
