using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The endpoint policies. Everything needs a <see cref="Member"/> (a person or an API key) unless it says
/// otherwise — that is the fallback policy, so a new endpoint is closed by default. Only <c>/warroom</c> and
/// the live connections it needs accept a kiosk screen (<see cref="Screen"/>). What a member may CHANGE is
/// decided by <see cref="AccessAuthorization"/> in the application services, not here.
/// </summary>
public static class AccessPolicies
{
    public const string Member = "warroom-member";
    public const string Screen = "warroom-screen";
    public const string Admin = "warroom-admin";

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var member = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => WarRoomClaims.KindOf(context.User) is ActorKind.Person or ActorKind.ApiKey)
            .Build();
        options.AddPolicy(Member, member);
        options.DefaultPolicy = member;
        options.FallbackPolicy = member;
        options.AddPolicy(Screen, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => WarRoomClaims.KindOf(context.User) is ActorKind.Person or ActorKind.ApiKey or ActorKind.Kiosk));
        options.AddPolicy(Admin, policy => policy
            .Combine(member)
            .RequireRole(nameof(WarRoomRole.Admin)));
    }
}
