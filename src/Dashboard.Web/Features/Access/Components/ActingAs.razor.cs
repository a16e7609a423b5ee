using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Features.Access.Components;

/// <summary>
/// "As Alice Example (operator)": who a dialog or form acts as — the signed-in person, never a typed
/// name — so nobody confirms something believing they are someone else.
/// </summary>
public sealed partial class ActingAs
{
    private Actor _actor = Actor.Anonymous;
    private string _displayName = string.Empty;

    [Inject]
    public required AuthenticationStateProvider AuthenticationState { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState.GetAuthenticationStateAsync()).User;
        _actor = ActorResolver.From(user);
        _displayName = WarRoomClaims.DisplayNameOf(user);
    }
}
