using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

public static class ShiftsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <c>Shifts</c> options, the shift calendar, the roster and handoff services, their live
    /// feed and the watcher that flags an unacknowledged handoff. Needs <c>AddStateStore</c>, <c>AddWarRoomAccess</c>
    /// and <c>AddNotifications</c>.
    /// </summary>
    public static IServiceCollection AddShifts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ShiftOptions>().Bind(configuration.GetSection(ShiftOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShiftOptions>, ShiftOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShiftCalendar>();
        services.TryAddSingleton<ShiftFeed>();
        services.TryAddSingleton<RosterReader>();
        services.TryAddSingleton<RosterValidator>();
        services.TryAddSingleton<ShiftService>();
        services.TryAddSingleton<RosterService>();
        services.TryAddSingleton<HandoffService>();
        services.TryAddSingleton<HandoffOverdueWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<HandoffOverdueWatcher>());
        return services;
    }
}
