using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// Encrypts the Data Protection key ring with a certificate when <c>DataProtection:CertificatePath</c> is set, so a
/// copy of the state store alone no longer forges cookies and kiosk tokens (docs/security.md, "Data Protection keys").
/// </summary>
public static class KeyProtection
{
    public static IDataProtectionBuilder ProtectKeysByConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionOptionsValidator>());
        var settings = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();

        // A certificate that cannot be read leaves the ring unprotected here; the validator stops start-up before any key is used.
        var (certificates, problems) = settings.IsConfigured ? KeyProtectionCertificates.LoadAll(settings) : ([], []);
        var current = problems.Count == 0 && certificates.Count > 0 ? certificates[0] : null;
        if (current is not null)
        {
            builder.ProtectKeysWithCertificate(current);
            builder.UnprotectKeysWithAnyCertificate([.. certificates]);
        }

        services.AddHostedService(provider => new KeyProtectionNotice(current, provider.GetRequiredService<ILogger<KeyProtectionNotice>>()));
        return builder;
    }
}
