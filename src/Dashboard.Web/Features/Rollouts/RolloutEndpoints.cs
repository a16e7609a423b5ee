using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The REST API of plans and rollouts (docs/rollouts-api.md). Thin: every rule lives in
/// <see cref="RolloutService"/> and <see cref="PlanCatalog"/>. The actor comes from the request until
/// sign-in exists (issue 5 replaces it with the signed-in identity).
/// </summary>
public static class RolloutEndpoints
{
    public const string PlansPath = "/api/plans";
    public const string RolloutsPath = "/api/rollouts";

    public static IEndpointRouteBuilder MapRolloutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MapPlans(endpoints.MapGroup(PlansPath).WithTags("Plans"));
        MapRollouts(endpoints.MapGroup(RolloutsPath).WithTags("Rollouts"));
        return endpoints;
    }

    private static void MapPlans(RouteGroupBuilder plans)
    {
        plans.MapGet("", (PlanCatalog catalog, CancellationToken ct) => catalog.ListAsync(ct))
            .WithName("ListPlans").WithSummary("The built-in plans, then the stored custom plans.");
        plans.MapGet("/{id}", async (string id, PlanCatalog catalog, CancellationToken ct) =>
                await catalog.FindAsync(id, ct) is { } plan ? Results.Ok(plan) : NotFound($"There is no plan '{id}'."))
            .WithName("GetPlan").WithSummary("One plan with its full definition.")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("", CreatePlanAsync)
            .WithName("CreatePlan").WithSummary("Validates a plan file (docs/plans.md, at most 256 KB) and stores it; 400 lists every problem by JSON path.")
            .WithBodyLimit(RequestBodyLimits.PlanBytes).RequiresOperation(Operation.CreatePlan)
            .Accepts<object>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static void MapRollouts(RouteGroupBuilder rollouts)
    {
        rollouts.MapGet("", async (string? limit, string? cursor, HttpContext context, RolloutService service, CancellationToken ct) =>
                await Paging.PageAsync(context, await service.ListSnapshotsAsync(ct), limit, cursor, page => service.ViewsAsync(page, ct)))
            .WithName("ListRollouts").WithSummary("Rollouts, newest first, one page at a time (limit 1..1000, default 100; X-Next-Cursor names the next page).")
            .Produces<IReadOnlyList<RolloutView>>().ProducesValidationProblem();
        rollouts.MapPost("", async (CreateRolloutRequest? request, ClaimsPrincipal user, RolloutService service, CancellationToken ct) =>
                (await service.CreateAsync(request ?? new(null, null, null, null, null), ActorResolver.From(user), ct))
                    .ToHttpResult())
            .WithName("CreateRollout").WithSummary("Creates a rollout of a service along a plan; it starts with POST …/start.")
            .RequiresOperation(Operation.CreateRollout)
            .Produces<RolloutView>(StatusCodes.Status201Created).ProducesValidationProblem();
        rollouts.MapGet("/{id:guid}", async (Guid id, RolloutService service, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } rollout ? Results.Ok(rollout) : NotFound($"Rollout {id} does not exist."))
            .WithName("GetRollout").WithSummary("A rollout: phases, allowed actions, requested and applied canary weight.")
            .Produces<RolloutView>().ProducesProblem(StatusCodes.Status404NotFound);

        MapCommand(rollouts, "start", RolloutAction.Start, "StartRollout", "Starts the first phase at its planned weight.");
        MapCommand(rollouts, "advance", RolloutAction.Advance, "AdvanceRollout", "Completes the phase and starts the next at its planned weight.");
        MapCommand(rollouts, "hold", RolloutAction.Hold, "HoldRollout", "Pauses the phase; the weight stays.");
        MapCommand(rollouts, "resume", RolloutAction.Resume, "ResumeRollout", "Resumes a held phase.");
        MapCommand(rollouts, "retry", RolloutAction.RetryPhase, "RetryRolloutPhase", "Runs a held phase again from its start; its checkpoints count from now.");
        MapCommand(rollouts, "rollback", RolloutAction.RollBack, "RollBackRollout", "Takes the candidate out of traffic (0 %) and ends the rollout.");
        MapCommand(rollouts, "abort", RolloutAction.Abort, "AbortRollout", "Abandons the rollout; the candidate leaves traffic (0 %).");
        MapCommand(rollouts, "request-sign-off", RolloutAction.RequestSignOff, "RequestRolloutSignOff", "Asks the gate's leads for GO / NO-GO; the phase advances when every required lead says GO and its checklist is complete. On an auto-advance phase it waits for a person's advance.");
        MapCommand(rollouts, "mark-passed", RolloutAction.MarkPassed, "MarkRolloutPhasePassed", "Records the phase as passed; it advances with POST …/advance.");

        rollouts.MapPost("/{id:guid}/traffic", async (Guid id, TrafficChangeRequest? request, ClaimsPrincipal user, RolloutService service, CancellationToken ct) =>
                (await service.ExecuteAsync(
                    id, new RolloutCommand(RolloutAction.ChangeTraffic, ActorResolver.From(user), request?.Reason, TrafficChangeSource.Api, request?.Percent), ct))
                    .ToHttpResult())
            .RequiresOperation(Operation.ChangeTraffic)
            .WithName("ChangeRolloutTraffic").WithSummary("Sets the canary's share (0..100) in the running phase; applied only when the router reads it back.")
            .Produces<RolloutCommandResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status202Accepted);
        rollouts.MapGet("/{id:guid}/traffic", async (Guid id, RolloutService service, CancellationToken ct) =>
                await service.ListTrafficChangesAsync(id, ct) is { } changes ? Results.Ok(changes) : NotFound($"Rollout {id} does not exist."))
            .WithName("ListRolloutTrafficChanges").WithSummary("The rollout's traffic changes, oldest first, with their status.")
            .Produces<IReadOnlyList<TrafficChangeView>>().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapGet("/{id:guid}/events", ExportEventsAsync)
            .WithName("ExportRolloutEvents")
            .WithSummary("The rollout's audit events in sequence order, with their hashes, one page at a time (limit 1..1000, default 100; X-Next-Cursor names the next page).")
            .Produces<IReadOnlyList<AuditEventView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapGet("/{id:guid}/events/verify", async (AuditLog audit, CancellationToken ct) => Results.Ok(await audit.VerifyAsync(ct)))
            .RequiresOperation(Operation.VerifyAuditChain)
            .WithName("VerifyAuditChain").WithSummary("Verifies the whole audit chain (all rollouts share one): intact, or the first broken sequence. For operators: it hashes every event.")
            .Produces<AuditVerification>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void MapCommand(RouteGroupBuilder rollouts, string verb, RolloutAction action, string name, string summary) =>
        rollouts.MapPost($"/{{id:guid}}/{verb}", async (Guid id, RolloutActionRequest? request, ClaimsPrincipal user, RolloutService service, CancellationToken ct) =>
                (await service.ExecuteAsync(id, new RolloutCommand(action, ActorResolver.From(user), request?.Reason, TrafficChangeSource.Api), ct))
                    .ToHttpResult())
            .RequiresOperation(RolloutOperations.For(action))
            .WithName(name).WithSummary(summary)
            .Produces<RolloutCommandResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status202Accepted);

    private static async Task<IResult> CreatePlanAsync(HttpRequest request, ClaimsPrincipal user, PlanCatalog catalog, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        return (await catalog.CreateAsync(json, ActorResolver.From(user), ct)).ToHttpResult(plan => $"{PlansPath}/{plan.Id}");
    }

    private static async Task<IResult> ExportEventsAsync(
        Guid id, string? limit, string? cursor, HttpContext context, RolloutStore store, AuditLog audit, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is null)
        {
            return NotFound($"Rollout {id} does not exist.");
        }

        return await Paging.PageAsync(context, [.. (await audit.ReadAsync(id, ct)).Select(AuditEventView.From)], limit, cursor);
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
