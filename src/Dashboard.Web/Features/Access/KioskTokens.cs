using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The signed token in a kiosk link (<c>/kiosk/{token}</c>): the link's id protected by ASP.NET Core Data
/// Protection (authenticated encryption with the app's key ring, kept in the state store). A token is good
/// only while its row exists, is not revoked and has not expired — revoking the row revokes every copy.
/// </summary>
public sealed class KioskTokens(IDataProtectionProvider dataProtection, KioskLinkStore links, TimeProvider timeProvider)
{
    public const string PathPrefix = "/kiosk/";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("WarRoom.KioskLink.v1");

    /// <summary>The token for <paramref name="link"/>; any number can be issued, all name the same row.</summary>
    public string Issue(KioskLinkRecord link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return _protector.Protect(link.Id.ToString("N"));
    }

    /// <summary>The relative link a screen opens.</summary>
    public string PathFor(KioskLinkRecord link) => PathPrefix + Uri.EscapeDataString(Issue(link));

    /// <summary>The live link the token names, or null with why not (tampered, unknown, revoked, expired).</summary>
    public async Task<(KioskLinkRecord? Link, string? Problem)> ReadAsync(string? token, CancellationToken cancellationToken = default)
    {
        Guid id;
        try
        {
            id = Guid.ParseExact(_protector.Unprotect(token ?? string.Empty), "N");
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return (null, "The kiosk link is not valid.");
        }

        return await CheckAsync(id, cancellationToken);
    }

    /// <summary>The live link whose short code is <paramref name="code"/> (<see cref="KioskShortCode"/>), or null with why not.</summary>
    public async Task<(KioskLinkRecord? Link, string? Problem)> ReadShortCodeAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (!KioskShortCode.TryNormalize(code, out var normalized))
        {
            return (null, "This is not a kiosk code: it has 8 letters and digits, like 7KQ2-MX9D.");
        }

        return await links.FindByShortCodeHashAsync(KioskShortCode.Hash(normalized), cancellationToken) is { } link
            ? await CheckAsync(link.Id, cancellationToken)
            : (null, "No kiosk link has this code. Check it on the admin page, or ask an admin for a new link.");
    }

    /// <summary>The live link with <paramref name="id"/>, or null with why not.</summary>
    public async Task<(KioskLinkRecord? Link, string? Problem)> CheckAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var link = await links.FindAsync(id, cancellationToken);
        return link switch
        {
            null => (null, "The kiosk link does not exist."),
            { RevokedAt: not null } => (null, $"The kiosk link '{link.Name}' was revoked."),
            { ExpiresAt: { } expires } when expires <= timeProvider.GetUtcNow() => (null, $"The kiosk link '{link.Name}' expired."),
            _ => (link, null),
        };
    }
}
