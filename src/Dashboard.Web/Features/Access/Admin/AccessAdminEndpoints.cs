using System.Security.Claims;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>
/// The admin API (docs/access-admin.md): people, roles, API keys and kiosk links. Thin: every rule — admins only,
/// validation, the last enabled admin — lives in <see cref="AccessAdminService"/>; the actor is the signed-in caller.
/// </summary>
public static class AccessAdminEndpoints
{
    public const string AdminPath = "/api/admin";

    private const string PeoplePath = AdminPath + "/people";
    private const string ApiKeysPath = AdminPath + "/api-keys";
    private const string KioskLinksPath = AdminPath + "/kiosk-links";

    public static IEndpointRouteBuilder MapAccessAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var admin = endpoints.MapGroup(AdminPath).WithTags("Admin");
        MapPeople(admin);
        MapApiKeys(admin);
        MapKioskLinks(admin);
        return endpoints;
    }

    private static void MapPeople(RouteGroupBuilder admin)
    {
        admin.MapGet("/people", async (ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.ListPeopleAsync(ActorResolver.From(user), ct)).ToHttpResult(_ => PeoplePath))
            .WithName("ListPeople").WithSummary("Everyone who can sign in, by user name: roles, disabled, lockout, last sign-in, sign-in methods.")
            .Produces<IReadOnlyList<PersonView>>().ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/people/{id:guid}", async (Guid id, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.GetPersonAsync(id, ActorResolver.From(user), ct)).ToHttpResult(PersonPath))
            .WithName("GetPerson").WithSummary("One person.")
            .Produces<PersonView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/people", async (CreatePersonRequest? request, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.CreatePersonAsync(request ?? new(null, null, null, null), ActorResolver.From(user), ct)).ToHttpResult(PersonPath))
            .WithName("CreatePerson").WithSummary("Creates a person who signs in with the given password; a taken user name is 409.")
            .Produces<PersonView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/people/{id:guid}/roles", async (Guid id, SetRolesRequest? request, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.SetRolesAsync(id, request ?? new(null), ActorResolver.From(user), ct)).ToHttpResult(PersonPath))
            .WithName("SetPersonRoles").WithSummary("Replaces the person's roles; the last enabled admin keeps Admin (409).")
            .Produces<PersonView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        MapPersonAction(admin, "disable", "DisablePerson", "Disables the person and ends their sessions; the last enabled admin cannot be disabled (409).",
            (service, id, actor, ct) => service.SetDisabledAsync(id, disabled: true, actor, ct));
        MapPersonAction(admin, "enable", "EnablePerson", "Lets a disabled person sign in again.",
            (service, id, actor, ct) => service.SetDisabledAsync(id, disabled: false, actor, ct));
        MapPersonAction(admin, "unlock", "UnlockPerson", "Ends a lockout after failed passwords.",
            (service, id, actor, ct) => service.UnlockAsync(id, actor, ct));
        admin.MapPost("/people/{id:guid}/password", async (Guid id, ResetPasswordRequest? request, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.ResetPasswordAsync(id, request ?? new(null), ActorResolver.From(user), ct)).ToHttpResult(PersonPath))
            .WithName("ResetPersonPassword").WithSummary("Sets a new password, clears any lockout and ends the person's sessions.")
            .Produces<PersonView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapPersonAction(
        RouteGroupBuilder admin, string action, string name, string summary, Func<AccessAdminService, Guid, Actor, CancellationToken, Task<Outcome<PersonView>>> run) =>
        admin.MapPost($"/people/{{id:guid}}/{action}", async (Guid id, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await run(service, id, ActorResolver.From(user), ct)).ToHttpResult(PersonPath))
            .WithName(name).WithSummary(summary)
            .Produces<PersonView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static void MapApiKeys(RouteGroupBuilder admin)
    {
        admin.MapGet("/api-keys", async (ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.ListApiKeysAsync(ActorResolver.From(user), ct)).ToHttpResult(_ => ApiKeysPath))
            .WithName("ListApiKeys").WithSummary("Every API key, newest first, with its state; never a secret.")
            .Produces<IReadOnlyList<ApiKeyView>>().ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/api-keys", async (CreateApiKeyRequest? request, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.CreateApiKeyAsync(request ?? new(null, null, null), ActorResolver.From(user), ct)).ToHttpResult(_ => ApiKeysPath))
            .WithName("CreateApiKey").WithSummary("Creates a key (any roles but Admin, expiry required) and returns its token — shown this once only.")
            .Produces<CreatedApiKey>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/api-keys/{id:guid}", async (Guid id, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.RevokeApiKeyAsync(id, ActorResolver.From(user), ct)).ToHttpResult(_ => ApiKeysPath))
            .WithName("RevokeApiKey").WithSummary("Revokes the key at once; it stays listed as revoked.")
            .Produces<ApiKeyView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapKioskLinks(RouteGroupBuilder admin)
    {
        admin.MapGet("/kiosk-links", async (ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.ListKioskLinksAsync(ActorResolver.From(user), ct)).ToHttpResult(_ => KioskLinksPath))
            .WithName("ListKioskLinks").WithSummary("Every kiosk link, newest first, with its state.")
            .Produces<IReadOnlyList<KioskLinkView>>().ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/kiosk-links", async (CreateKioskLinkRequest? request, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.CreateKioskLinkAsync(request ?? new(null, null), ActorResolver.From(user), ct)).ToHttpResult(LinkPath))
            .WithName("CreateKioskLink").WithSummary("Creates a read-only /warroom link for a screen and returns its path /kiosk/{token}.")
            .Produces<IssuedKioskLink>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/kiosk-links/{id:guid}/link", async (Guid id, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.GetKioskLinkPathAsync(id, ActorResolver.From(user), ct)).ToHttpResult(LinkPath))
            .WithName("GetKioskLinkPath").WithSummary("A fresh copy of a live link's path; 409 when the link is revoked or expired.")
            .Produces<IssuedKioskLink>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/kiosk-links/{id:guid}", async (Guid id, ClaimsPrincipal user, AccessAdminService service, CancellationToken ct) =>
                (await service.RevokeKioskLinkAsync(id, ActorResolver.From(user), ct)).ToHttpResult(_ => KioskLinksPath))
            .WithName("RevokeKioskLink").WithSummary("Revokes the link at once: every copy of its path stops working.")
            .Produces<KioskLinkView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string PersonPath(PersonView person) => $"{PeoplePath}/{person.Id}";

    private static string LinkPath(IssuedKioskLink issued) => $"{KioskLinksPath}/{issued.Link.Id}/link";
}
