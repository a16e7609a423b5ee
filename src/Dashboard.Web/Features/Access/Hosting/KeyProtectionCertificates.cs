using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// Reads the certificates of <see cref="KeyProtectionOptions"/>. Used twice on purpose: by the start-up validator,
/// which turns a missing or unreadable file into one clear line, and when Data Protection is set up.
/// </summary>
public static class KeyProtectionCertificates
{
    /// <summary>The certificate, or why it cannot be used (naming the key).</summary>
    public static (X509Certificate2? Certificate, string? Problem) Load(string key, string path, string password)
    {
        if (!File.Exists(path))
        {
            return (null, $"{key} '{path}' does not exist (a PKCS#12 .pfx file with the certificate and its private key)");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, $"{key} '{path}' could not be read (wrong DataProtection:CertificatePassword, or not a PKCS#12 file): {ex.Message}");
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            return (null, $"{key} '{path}' has no RSA private key; Data Protection needs one to encrypt and decrypt its keys");
        }

        return (certificate, null);
    }

    /// <summary>Every configured certificate, current first, or the problems with them.</summary>
    public static (IReadOnlyList<X509Certificate2> Certificates, IReadOnlyList<string> Problems) LoadAll(KeyProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificates = new List<X509Certificate2>();
        var problems = new List<string>();
        var paths = new[] { ($"{KeyProtectionOptions.Section}:CertificatePath", options.CertificatePath) }
            .Concat(options.PreviousCertificatePaths.Select((path, i) => ($"{KeyProtectionOptions.Section}:PreviousCertificatePaths:{i}", path)));
        foreach (var (key, path) in paths)
        {
            var (certificate, problem) = Load(key, path, options.CertificatePassword);
            if (certificate is null)
            {
                problems.Add(problem!);
            }
            else
            {
                certificates.Add(certificate);
            }
        }

        return (certificates, problems);
    }
}
