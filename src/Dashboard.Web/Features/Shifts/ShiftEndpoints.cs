using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Shifts;

/// <summary>The shifts and roster API (docs/shifts.md). Thin: every rule lives in the services.</summary>
public static class ShiftEndpoints
{
    public const string ShiftsPath = "/api/shifts";
    public const string RosterPath = "/api/roster";

    public static IEndpointRouteBuilder MapShiftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var shifts = endpoints.MapGroup(ShiftsPath).WithTags("Shifts");
        shifts.MapGet("/", async (string? from, string? to, ShiftService service, CancellationToken ct) =>
                (await service.ListAsync(from, to, ct)).ToHttpResult(_ => ShiftsPath))
            .WithName("ListShifts").WithSummary("The shifts overlapping [from, to) (ISO 8601; by default the next 24 hours from the current shift), at most 7 days, each with its roster and handoff.")
            .Produces<IReadOnlyList<ShiftView>>().ProducesValidationProblem();
        shifts.MapGet("/{id}", async (string id, ShiftService service, CancellationToken ct) =>
                (await service.GetAsync(id, ct)).ToHttpResult(Location))
            .WithName("GetShift").WithSummary("One shift by id (its start in UTC as yyyyMMdd-HHmm, or current, previous, next): window, roster, handoff.")
            .Produces<ShiftView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        shifts.MapPost("/{id}/handoff", async (string id, HandoffRequest? request, ClaimsPrincipal user, HandoffService service, CancellationToken ct) =>
                (await service.HandOffAsync(id, request ?? new(null, null), ActorResolver.From(user), ct)).ToHttpResult(Location))
            .WithName("HandOffShift").WithSummary("The outgoing shift (or a lead) writes its notes and risks to watch and hands off; open from Shifts:HandoffOpensBefore before the shift ends.")
            .Produces<ShiftView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        shifts.MapPost("/{id}/acknowledge", async (string id, AcknowledgeRequest? request, ClaimsPrincipal user, HandoffService service, CancellationToken ct) =>
                (await service.AcknowledgeAsync(id, request ?? new(null), ActorResolver.From(user), ct)).ToHttpResult(Location))
            .WithName("AcknowledgeHandoff").WithSummary("The incoming shift (or a lead) acknowledges the handoff of shift {id} (\"I have it\"), optionally with a question.")
            .Produces<ShiftView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var roster = endpoints.MapGroup(RosterPath).WithTags("Shifts");
        roster.MapGet("/", async (string? from, string? to, RosterService service, CancellationToken ct) =>
                (await service.ReadAsync(from, to, ct)).ToHttpResult(_ => RosterPath))
            .WithName("GetRoster").WithSummary("The shift patterns, the default roster, and who is on each shift of [from, to) (at most 7 days).")
            .Produces<RosterView>().ProducesValidationProblem();
        roster.MapPut("/", async (RosterChangeRequest? request, ClaimsPrincipal user, RosterService service, CancellationToken ct) =>
                (await service.ChangeAsync(request ?? new(null, null), ActorResolver.From(user), ct)).ToHttpResult(_ => RosterPath))
            .RequiresOperation(Operation.EditRoster)
            .WithName("ChangeRoster").WithSummary("Creates or replaces defaults (by pattern, optionally weekday) and one-off overrides (by shift id), all or none. Operations leads and admins.")
            .Produces<RosterView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        roster.MapDelete("/overrides/{shiftId}", async (string shiftId, ClaimsPrincipal user, RosterService service, CancellationToken ct) =>
                (await service.RemoveOverrideAsync(shiftId, ActorResolver.From(user), ct)).ToHttpResult(_ => RosterPath))
            .WithName("RemoveRosterOverride").WithSummary("Removes a shift's override, so its pattern's default applies again. Operations leads and admins.")
            .Produces<RosterView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static string Location(ShiftView shift) => $"{ShiftsPath}/{shift.Id}";
}
