using System.Security.Claims;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Signing in and out: the sign-in and set-up forms post here (antiforgery-checked), kiosk links open here,
/// single sign-on starts here (kiosk links: <see cref="KioskLinkEndpoints"/>), and <c>GET /api/me</c> says who the caller is and what they may do.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/sign-in";
    public const string AccessDeniedPath = "/access-denied";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var account = endpoints.MapGroup("/account").WithTags("Account").AllowAnonymous().ExcludeFromDescription();
        account.MapPost("/sign-in", SignInAsync);
        account.MapPost("/sign-out", SignOutAsync);
        account.MapPost("/setup", SetupAsync);
        account.MapGet("/sign-in/oidc", (string? returnUrl, IOptions<AccessOptions> options) =>
            options.Value.Oidc.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [AccessSchemes.Oidc])
                : Results.NotFound());
        endpoints.MapKioskLinkEndpoints();
        endpoints.MapGet("/api/me", Me).WithTags("Account").WithName("WhoAmI")
            .WithSummary("Who the caller is (person, API key), their roles and the operations those roles allow.")
            .RequireAuthorization(AccessPolicies.Screen);
        return endpoints;
    }

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path on this site, else "/": never an open redirect. The rules of
    /// <c>Url.IsLocalUrl</c> — starts with one "/", not "//" or "/\", no control character — hold for the text as
    /// given and once more after percent-decoding, since browsers strip a tab from <c>/&lt;TAB&gt;/evil.example</c>
    /// and follow <c>//evil.example</c> (docs/security.md).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && IsLocalPath(url) && IsLocalPath(Uri.UnescapeDataString(url)) ? url : "/";

    private static bool IsLocalPath(string url) =>
        url.Length > 0 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, PasswordSignIn passwords, SignInMessages messages)
    {
        var result = await passwords.CheckAsync(userName, password, Source(context), context.RequestAborted);
        if (result.Person is not { } person)
        {
            return Results.Redirect(messages.SignInUrl(result.Problem!, returnUrl, userName));
        }

        await context.SignInAsync(AccessSchemes.Cookie, PersonPrincipals.For(person), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(SafeReturnUrl(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AuditLog auditLog)
    {
        var actor = ActorResolver.From(context.User);
        await context.SignOutAsync(AccessSchemes.Cookie);
        if (actor.Kind != ActorKind.Anonymous)
        {
            await auditLog.AppendAsync(AuditEventDraft.For(actor.Name, "person.signedOut", null, new { kind = actor.Kind.ToString(), source = Source(context) }), context.RequestAborted);
        }

        return Results.Redirect(SignInPath);
    }

    private static async Task<IResult> SetupAsync(
        [FromForm] string? token, [FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? password,
        HttpContext context, FirstRunSetup setup, PeopleStore people)
    {
        var (person, problems) = await setup.CompleteAsync(token, userName, displayName, password, context.RequestAborted);
        if (person is null)
        {
            var message = string.Join(" ", problems!.Values.SelectMany(v => v));
            return Results.Redirect($"{FirstRunSetup.SetupPath}?token={Uri.EscapeDataString(token ?? string.Empty)}&error={Uri.EscapeDataString(message)}");
        }

        await people.RecordSignInAsync(person.Id, "set-up link", Source(context), context.RequestAborted);
        await context.SignInAsync(AccessSchemes.Cookie, PersonPrincipals.For(person), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect("/admin");
    }

    private static IResult Me(ClaimsPrincipal user)
    {
        var actor = ActorResolver.From(user);
        return Results.Ok(new
        {
            name = actor.Name,
            displayName = WarRoomClaims.DisplayNameOf(user),
            kind = actor.Kind.ToString(),
            roles = actor.Roles.Order().Select(r => r.ToString()).ToArray(),
            may = Enum.GetValues<Operation>().Where(op => AccessRules.Allows(actor, op)).Select(op => op.ToString()).ToArray(),
        });
    }

    /// <summary>Where a request came from, for the audit log: the client address (behind trusted proxies, the forwarded one).</summary>
    internal static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
