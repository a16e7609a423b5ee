using System.Text.Encodings.Web;
using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Signs a test request in as the person named in <c>X-Test-Person: name; Role,Role</c>, with the same claims
/// the app's cookie scheme issues (<see cref="WarRoomClaims.Principal"/>), so <see cref="ActorResolver"/> reads
/// it as it reads a real sign-in. No header: nobody is signed in.
/// </summary>
internal sealed class HeaderSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";
    public const string Header = "X-Test-Person";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].ToString() is not { Length: > 0 } value)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value.Split(';', 2, StringSplitOptions.TrimEntries);
        var roles = WarRoomRoles.ParseList(parts.Length > 1 ? parts[1] : null);
        var principal = WarRoomClaims.Principal(SchemeName, ActorKind.Person, parts[0], parts[0], parts[0], roles);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
