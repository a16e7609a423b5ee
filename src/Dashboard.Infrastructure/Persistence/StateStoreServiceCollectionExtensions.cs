using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

public static class StateStoreServiceCollectionExtensions
{
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateStoreOptions>().Bind(configuration.GetSection(StateStoreOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>();
        services.AddSingleton<StateStore>();
        return services;
    }
}
