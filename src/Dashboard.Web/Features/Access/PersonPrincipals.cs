using System.Globalization;
using System.Security.Claims;
using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access;

/// <summary>The cookie principals of a person and of a kiosk screen.</summary>
public static class PersonPrincipals
{
    public static ClaimsPrincipal For(PersonRecord person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return WarRoomClaims.Principal(
            AccessSchemes.Cookie, ActorKind.Person, person.Id.ToString(), person.UserName, person.DisplayName,
            WarRoomRoles.ParseList(person.Roles), person.SecurityStamp);
    }

    public static ClaimsPrincipal For(KioskLinkRecord link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return WarRoomClaims.Principal(
            AccessSchemes.Cookie, ActorKind.Kiosk, link.Id.ToString(), link.Name, string.Create(CultureInfo.InvariantCulture, $"War-room screen '{link.Name}'"), []);
    }
}
