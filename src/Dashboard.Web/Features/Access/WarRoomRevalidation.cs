using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Re-checks an open page's session every <c>Auth:RevalidationInterval</c>: a disabled person, a reset
/// password or a revoked kiosk link signs the page out without a reload. The roles an action uses are read
/// fresh by <see cref="CurrentActor"/> anyway. A state store that does not answer neither confirms nor ends a session:
/// the page stays signed in and is asked about again at the next interval (docs/high-availability.md, "What happens
/// when …"); it can change nothing meanwhile, since every action reads its actor from the store.
/// </summary>
public sealed class WarRoomRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AccessOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<SessionValidator>();
        try
        {
            return WarRoomClaims.KindOf(authenticationState.User) == ActorKind.Anonymous
                || await validator.CurrentAsync(authenticationState.User, cancellationToken) is not null;
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            // The framework signs a page out on any exception: a PostgreSQL outage would sign out every open page,
            // the war-room TV included, and leave it on a sign-in page that cannot load until the store is back.
            return true;
        }
    }
}
