using System.Security.Claims;
using Bunit.TestDoubles;
using Dashboard.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// Signs a bUnit context in as a person with roles, the way the cookie scheme does in the app (same claims,
/// read back by <see cref="ActorResolver"/>), and registers <see cref="CurrentActor"/>. Call before rendering.
/// </summary>
internal static class TestSignIn
{
    public static BunitAuthorizationContext SignInAs(this BunitContext context, string userName, params WarRoomRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.TryAddScoped<CurrentActor>();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles([.. roles.Select(role => role.ToString())]);
        authorization.SetClaims(
            new Claim(WarRoomClaims.Kind, nameof(ActorKind.Person)),
            new Claim(WarRoomClaims.DisplayName, userName));

        // bUnit grants policies by name; a signed-in person passes the pages' policies (admin's only with the role).
        authorization.SetPolicies([AccessPolicies.Member, AccessPolicies.Screen, .. roles.Contains(WarRoomRole.Admin) ? [AccessPolicies.Admin] : Array.Empty<string>()]);
        return authorization;
    }

    public static BunitAuthorizationContext SignInAs(this BunitContext context, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return context.SignInAs(user.UserName, user.Roles);
    }
}
