using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The fault injection API under <c>/api/demo/faults</c>. Reading is open to any caller; injecting and
/// clearing act as the signed-in caller and need the operator role (403 problem details otherwise).
/// </summary>
public static class DemoEndpoints
{
    public const string FaultsPath = "/api/demo/faults";

    /// <summary>
    /// Maps the fault endpoints when <c>Demo:Enabled</c> is true; without the demo there is nothing
    /// to break, and the routes answer 404.
    /// </summary>
    public static IEndpointRouteBuilder MapDemoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        var faults = endpoints.MapGroup(FaultsPath).WithTags("Demo");
        faults.MapGet("", ListFaults)
            .WithName("ListDemoFaults")
            .WithSummary("The faults active in the demo's canary now.");
        faults.MapGet("/{id:guid}", GetFault)
            .WithName("GetDemoFault")
            .WithSummary("One active fault.");
        faults.MapPost("", InjectFaultAsync)
            .WithName("InjectDemoFault")
            .WithSummary("Injects a fault into the demo's canary for a while; audited, operators only.")
            .Produces<DemoFault>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        faults.MapDelete("/{id:guid}", ClearFaultAsync)
            .WithName("ClearDemoFault")
            .WithSummary("Ends one fault; audited, operators only.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        faults.MapDelete("", ClearAllFaultsAsync)
            .WithName("ClearDemoFaults")
            .WithSummary("Ends every fault; audited, operators only.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static Ok<IReadOnlyList<DemoFault>> ListFaults(DemoFaultService service) => TypedResults.Ok(service.Active);

    private static Results<Ok<DemoFault>, NotFound> GetFault(Guid id, DemoFaultService service) =>
        service.Active.FirstOrDefault(f => f.Id == id) is { } fault ? TypedResults.Ok(fault) : TypedResults.NotFound();

    private static async Task<IResult> InjectFaultAsync(DemoFaultRequest? request, ClaimsPrincipal user, DemoFaultService service, CancellationToken ct) =>
        (await service.InjectAsync(request, ActorResolver.From(user), ct)).ToHttpResult(fault => $"{FaultsPath}/{fault.Id}");

    private static async Task<IResult> ClearFaultAsync(Guid id, ClaimsPrincipal user, DemoFaultService service, CancellationToken ct) =>
        NoContentOnSuccess(await service.ClearAsync(id, ActorResolver.From(user), ct));

    private static async Task<IResult> ClearAllFaultsAsync(ClaimsPrincipal user, DemoFaultService service, CancellationToken ct) =>
        NoContentOnSuccess(await service.ClearAllAsync(ActorResolver.From(user), ct));

    private static IResult NoContentOnSuccess<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Kind == OutcomeKind.Succeeded ? TypedResults.NoContent() : outcome.ToHttpResult(_ => FaultsPath);
}
