using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Re-checks an open page's session every <c>Auth:RevalidationInterval</c>: a disabled person, a reset
/// password or a revoked kiosk link signs the page out without a reload. The roles an action uses are read
/// fresh by <see cref="CurrentActor"/> anyway.
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
        return WarRoomClaims.KindOf(authenticationState.User) == ActorKind.Anonymous
            || await validator.CurrentAsync(authenticationState.User, cancellationToken) is not null;
    }
}
