using System.Security.Claims;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Turns the caller's authenticated principal — from the cookie, an API key or a kiosk link — into the
/// <see cref="Actor"/> the application services authorize. The only way a request becomes an actor:
/// nothing a caller writes in a body or a form can name someone else.
/// </summary>
public static class ActorResolver
{
    public static Actor From(ClaimsPrincipal? user)
    {
        var kind = WarRoomClaims.KindOf(user);
        if (kind == ActorKind.Anonymous || user!.Identity!.Name is not { Length: > 0 } name)
        {
            return Actor.Anonymous;
        }

        var roles = user.FindAll(ClaimTypes.Role)
            .Select(claim => WarRoomRoles.TryParse(claim.Value, out var role) ? role : (WarRoomRole?)null)
            .OfType<WarRoomRole>();
        return kind switch
        {
            ActorKind.Person => Actor.Person(name, roles),
            ActorKind.ApiKey => Actor.ApiKey(name, roles),
            _ => Actor.Kiosk(name),
        };
    }
}
