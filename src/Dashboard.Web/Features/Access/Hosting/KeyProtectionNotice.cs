using System.Security.Cryptography.X509Certificates;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// Says at every start how the Data Protection keys are kept: a warning while they sit unencrypted in the state
/// store (the framework warns only when it creates a key), otherwise which certificate protects them.
/// </summary>
public sealed partial class KeyProtectionNotice(X509Certificate2? certificate, ILogger<KeyProtectionNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (certificate is null)
        {
            LogUnprotected();
        }
        else
        {
            var notAfter = certificate.NotAfter.ToUniversalTime();
            LogProtected(certificate.Subject, certificate.Thumbprint, notAfter);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data Protection keys are stored unencrypted in the state store: a copy of it can forge session cookies and kiosk links. "
        + "Set DataProtection:CertificatePath (docs/security.md)")]
    private partial void LogUnprotected();

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys are encrypted with certificate {Subject} ({Thumbprint}), valid until {NotAfter:O}")]
    private partial void LogProtected(string subject, string thumbprint, DateTime notAfter);
}
