namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// How the Data Protection key ring (it signs session cookies and kiosk tokens) is protected at rest in the state
/// store (section <c>DataProtection</c>; docs/security.md, "Data Protection keys"). Without a certificate the keys
/// are stored as plain XML and the app warns at every start.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (<c>.pfx</c>) holding a certificate with its private key; empty leaves the keys unencrypted.</summary>
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>The file's password (from a secret store, e.g. <c>DataProtection__CertificatePassword</c>); empty for none.</summary>
    public string CertificatePassword { get; set; } = string.Empty;

    /// <summary>
    /// Earlier certificates (PKCS#12 files, same password) that only decrypt: keys written under a certificate that has
    /// since been replaced stay readable, so sessions and kiosk links survive the change.
    /// </summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);
}
