using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence.Audit;

public static class AuditChainServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="AuditChainOptions"/> (section <c>Audit</c>), the <see cref="AuditKeySource"/>,
    /// the <see cref="AuditCheckpointFile"/> and the <see cref="AuditCheckpointWriter"/> that the audit log and the
    /// host's checkpoint job use.
    /// </summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditChainOptions>().Bind(configuration.GetSection(AuditChainOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditChainOptions>, AuditChainOptionsValidator>());
        services.TryAddSingleton<AuditKeySource>();
        services.TryAddSingleton<AuditCheckpointFile>();
        services.TryAddSingleton<AuditCheckpointWriter>();
        return services;
    }
}
