using System.Security.Claims;
using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Re-checks a session against the state store: a person must still exist, be enabled and carry the same
/// security stamp (a password reset or disabling ends every session); a kiosk link must still be live. For a
/// valid person the principal is rebuilt, so a change of roles takes effect at the next request. An API key (a long-lived
/// <c>/hubs/live</c> connection) must still be neither revoked nor expired.
/// </summary>
public sealed class SessionValidator(PeopleStore people, KioskTokens kioskTokens, ApiKeyStore apiKeys, TimeProvider timeProvider)
{
    /// <summary>The principal the session should carry now, or null when the session is over.</summary>
    public async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        if (user is null || !Guid.TryParse(WarRoomClaims.IdOf(user), out var id))
        {
            return null;
        }

        switch (WarRoomClaims.KindOf(user))
        {
            case ActorKind.Person:
                var person = await people.FindAsync(id, cancellationToken);
                return person is { Disabled: false } && person.SecurityStamp == user.FindFirstValue(WarRoomClaims.SecurityStamp)
                    ? PersonPrincipals.For(person)
                    : null;
            case ActorKind.Kiosk:
                var (link, _) = await kioskTokens.CheckAsync(id, cancellationToken);
                return link is null ? null : PersonPrincipals.For(link);
            case ActorKind.ApiKey:
                var key = await apiKeys.FindAsync(id, cancellationToken);
                return key is { RevokedAt: null } && key.ExpiresAt > timeProvider.GetUtcNow()
                    ? WarRoomClaims.Principal(AccessSchemes.ApiKey, ActorKind.ApiKey, key.Id.ToString(), key.Name, key.Name, WarRoomRoles.ParseList(key.Roles))
                    : null;
            default:
                return null;
        }
    }
}
