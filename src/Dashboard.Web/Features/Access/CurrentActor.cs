using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The actor of the Blazor circuit: whoever signed in on the connection that opened it, with roles read
/// fresh from the state store at each call (a role removed a second ago is gone; a disabled person or a
/// revoked kiosk link is anonymous). Components pass it to the application services, which decide; hiding
/// a button is a courtesy, not the check.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationState, IServiceProvider services)
{
    public async Task<Actor> GetAsync()
    {
        var user = (await authenticationState.GetAuthenticationStateAsync()).User;

        // bUnit and other hosts without the state store validate nothing further.
        if (services.GetService<SessionValidator>() is not { } validator)
        {
            return ActorResolver.From(user);
        }

        return await validator.CurrentAsync(user) is { } current ? ActorResolver.From(current) : Actor.Anonymous;
    }
}
