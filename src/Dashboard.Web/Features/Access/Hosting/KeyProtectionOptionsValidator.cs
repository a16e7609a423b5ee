using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>Fails start-up when a configured certificate is missing, unreadable or has no private key.</summary>
public sealed class KeyProtectionOptionsValidator : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return options.PreviousCertificatePaths.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{KeyProtectionOptions.Section}:PreviousCertificatePaths needs {KeyProtectionOptions.Section}:CertificatePath (the certificate that protects new keys)");
        }

        var (certificates, problems) = KeyProtectionCertificates.LoadAll(options);
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
