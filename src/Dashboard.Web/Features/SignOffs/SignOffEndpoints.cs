using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>The sign-off gates' API (docs/sign-offs.md). Thin: every rule lives in <see cref="GateService"/>; the actor is the signed-in caller.</summary>
public static class SignOffEndpoints
{
    public static IEndpointRouteBuilder MapSignOffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var phases = endpoints.MapGroup($"{RolloutEndpoints.RolloutsPath}/{{id:guid}}/phases/{{phaseIndex:int}}").WithTags("Sign-offs");
        phases.MapGet("/gate", async (Guid id, int phaseIndex, GateService gates, CancellationToken ct) =>
                (await gates.GetAsync(id, phaseIndex, ct)).ToHttpResult(_ => GatePath(id, phaseIndex)))
            .WithName("GetGate")
            .WithSummary("The phase's gate: each required role's latest GO/NO-GO, the blockers, the checklist with who ticked what, open or not.")
            .Produces<GateView>().ProducesProblem(StatusCodes.Status404NotFound);
        phases.MapPost("/sign-offs", async (Guid id, int phaseIndex, SignOffRequest? request, ClaimsPrincipal user, GateService gates, CancellationToken ct) =>
                (await gates.SignAsync(id, phaseIndex, request ?? new(null, null, null), ActorResolver.From(user), ct)).ToHttpResult(_ => GatePath(id, phaseIndex)))
            .RequiresOperation(Operation.SignOff)
            .WithName("SignOff")
            .WithSummary("Records a lead's GO or NO-GO for the role they hold; a gate whose leads all said GO and whose checklist is complete advances the phase.")
            .Produces<GateView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        phases.MapPut("/checklist/{itemId}", async (Guid id, int phaseIndex, string itemId, ChecklistTickRequest? request, ClaimsPrincipal user, GateService gates, CancellationToken ct) =>
                (await gates.TickAsync(id, phaseIndex, itemId, request?.Ticked, ActorResolver.From(user), ct)).ToHttpResult(_ => GatePath(id, phaseIndex)))
            .RequiresOperation(Operation.TickChecklist)
            .WithName("TickChecklistItem")
            .WithSummary("Ticks (true) or un-ticks (false) an item of the gate's checklist; repeating it records nothing new.")
            .Produces<GateView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static string GatePath(Guid id, int phaseIndex) => $"{RolloutEndpoints.RolloutsPath}/{id}/phases/{phaseIndex}/gate";
}
