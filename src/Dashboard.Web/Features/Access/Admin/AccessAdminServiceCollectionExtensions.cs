using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Access.Admin;

public static class AccessAdminServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AccessAdminService"/> and what it stands on unless the sign-in pipeline registered it
    /// first: the Identity password hasher for <see cref="PersonRecord"/>, <see cref="KioskTokens"/> and Data
    /// Protection (whose key ring the pipeline keeps in the state store). Needs <c>AddStateStore</c>, <c>AddRollouts</c>
    /// and the validated <see cref="AccessOptions"/>.
    /// </summary>
    public static IServiceCollection AddAccessAdmin(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.TryAddSingleton<IPasswordHasher<PersonRecord>, PasswordHasher<PersonRecord>>();
        services.TryAddSingleton<KioskTokens>();
        services.TryAddSingleton<AccessAdminService>();
        return services;
    }
}
