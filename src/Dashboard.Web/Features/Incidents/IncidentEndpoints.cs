using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Incidents;

/// <summary>
/// The incidents API (docs/incidents.md). Thin: every rule lives in <see cref="IncidentService"/>. The actor
/// comes from the request body until sign-in exists.
/// </summary>
public static class IncidentEndpoints
{
    public const string IncidentsPath = "/api/incidents";

    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var rollouts = endpoints.MapGroup(RolloutEndpoints.RolloutsPath).WithTags("Incidents");
        rollouts.MapPost("/{id:guid}/incidents", async (Guid id, OpenIncidentRequest? request, ClaimsPrincipal user, IncidentService service, CancellationToken ct) =>
                (await service.OpenAsync(id, request ?? new(null, null, null, null, false), ActorResolver.From(user), ct))
                    .ToHttpResult(incident => $"{IncidentsPath}/{incident.Id}"))
            .RequiresOperation(Operation.OpenIncident)
            .WithName("OpenIncident").WithSummary("Opens an incident of the rollout's current phase; a critical one fails 'zero critical incidents' at the next checkpoint.")
            .Produces<IncidentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapGet("/{id:guid}/incidents", async (Guid id, string? limit, string? cursor, HttpContext context, IncidentService service, CancellationToken ct) =>
                await service.ListAsync(id, ct) is { } incidents ? await Paging.PageAsync(context, incidents, limit, cursor) : NotFound($"Rollout {id} does not exist."))
            .WithName("ListIncidents")
            .WithSummary("The rollout's incidents, newest first, each with its timeline, one page at a time (limit 1..1000, default 100; X-Next-Cursor names the next page).")
            .Produces<IReadOnlyList<IncidentView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var incidents = endpoints.MapGroup(IncidentsPath).WithTags("Incidents");
        incidents.MapGet("/{incidentId:guid}", async (Guid incidentId, IncidentService service, CancellationToken ct) =>
                await service.FindAsync(incidentId, ct) is { } incident ? Results.Ok(incident) : NotFound($"Incident {incidentId} does not exist."))
            .WithName("GetIncident").WithSummary("One incident with its timeline.")
            .Produces<IncidentView>().ProducesProblem(StatusCodes.Status404NotFound);
        MapUpdate(incidents, "updates", resolve: false, "UpdateIncident", "Adds a timeline entry; optionally changes severity or owner.");
        MapUpdate(incidents, "resolve", resolve: true, "ResolveIncident", "Resolves the incident with a closing note.");
        return endpoints;
    }

    private static void MapUpdate(RouteGroupBuilder incidents, string path, bool resolve, string name, string summary) =>
        incidents.MapPost($"/{{incidentId:guid}}/{path}", async (Guid incidentId, IncidentUpdateRequest? request, ClaimsPrincipal user, IncidentService service, CancellationToken ct) =>
                (await service.UpdateAsync(incidentId, request ?? new(null, null, null), ActorResolver.From(user), resolve, ct))
                    .ToHttpResult(incident => $"{IncidentsPath}/{incident.Id}"))
            .WithName(name).WithSummary(summary)
            .Produces<IncidentView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
