namespace Dashboard.Web.Features.AuditCheckpoints;

public static class AuditCheckpointServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="AuditCheckpointJob"/>, which signs the audit chain's head at start-up and every
    /// <c>Audit:CheckpointInterval</c> (the keys, file and writer come with <c>AddStateStore</c>).
    /// </summary>
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services)
    {
        services.AddHostedService<AuditCheckpointJob>();
        return services;
    }
}
