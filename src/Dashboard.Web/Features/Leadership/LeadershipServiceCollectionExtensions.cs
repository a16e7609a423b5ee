namespace Dashboard.Web.Features.Leadership;

public static class LeadershipServiceCollectionExtensions
{
    /// <summary>The automation lease: who of the instances on one state store acts for all of them.</summary>
    public static IServiceCollection AddLeadership(this IServiceCollection services)
    {
        services.AddSingleton<IAutomationLease, SingleInstanceLease>();
        return services;
    }
}
