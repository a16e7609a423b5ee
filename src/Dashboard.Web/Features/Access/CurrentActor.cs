using Dashboard.Web.Features.Rollouts;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The actor of the Blazor circuit: whoever signed in on the connection that opened it (re-checked by
/// the revalidating authentication state). Components pass it to the application services, which decide;
/// hiding a button is a courtesy, not the check.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationState)
{
    public async Task<Actor> GetAsync() => ActorResolver.From((await authenticationState.GetAuthenticationStateAsync()).User);
}
