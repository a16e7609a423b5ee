using System.Security.Claims;

namespace Dashboard.Web.Features.Access;

/// <summary>The claims the war room's sign-in schemes put on a principal, and how to read them back.</summary>
public static class WarRoomClaims
{
    /// <summary>Which <see cref="ActorKind"/> the principal is.</summary>
    public const string Kind = "warroom:kind";

    /// <summary>The name people see (a person's display name, a key's or kiosk link's name).</summary>
    public const string DisplayName = "warroom:display";

    /// <summary>The person's security stamp when the cookie was issued; a changed stamp ends the session.</summary>
    public const string SecurityStamp = "warroom:stamp";

    /// <summary>Builds the principal of <paramref name="kind"/> for <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(
        string scheme, ActorKind kind, string id, string name, string displayName, IEnumerable<WarRoomRole> roles, string? securityStamp = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, name),
            new(DisplayName, displayName),
            new(Kind, kind.ToString()),
        };
        claims.AddRange(roles.Distinct().Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        if (securityStamp is not null)
        {
            claims.Add(new Claim(SecurityStamp, securityStamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The kind of <paramref name="user"/>; <see cref="ActorKind.Anonymous"/> when not signed in or unrecognised.</summary>
    public static ActorKind KindOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Enum.TryParse<ActorKind>(user.FindFirstValue(Kind), out var kind)
        && kind is ActorKind.Person or ActorKind.ApiKey or ActorKind.Kiosk
            ? kind
            : ActorKind.Anonymous;

    public static string? IdOf(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user?.FindFirstValue(DisplayName) ?? user?.Identity?.Name ?? "anonymous";
}
