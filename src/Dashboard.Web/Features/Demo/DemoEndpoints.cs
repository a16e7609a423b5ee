using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>The fault injection API under <c>/api/demo/faults</c>.</summary>
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
        faults.MapPost("", InjectFault)
            .WithName("InjectDemoFault")
            .WithSummary("Injects a fault into the demo's canary for a while.");
        faults.MapDelete("/{id:guid}", ClearFault)
            .WithName("ClearDemoFault")
            .WithSummary("Ends one fault.");
        faults.MapDelete("", ClearAllFaults)
            .WithName("ClearDemoFaults")
            .WithSummary("Ends every fault.");
        return endpoints;
    }

    private static Ok<IReadOnlyList<DemoFault>> ListFaults(DemoFaultService service) => TypedResults.Ok(service.Active);

    private static Results<Ok<DemoFault>, NotFound> GetFault(Guid id, DemoFaultService service) =>
        service.Active.FirstOrDefault(f => f.Id == id) is { } fault ? TypedResults.Ok(fault) : TypedResults.NotFound();

    private static Results<Created<DemoFault>, ValidationProblem> InjectFault(DemoFaultRequest? request, DemoFaultService service)
    {
        var injection = service.Inject(request);
        return injection.Fault is { } fault
            ? TypedResults.Created($"{FaultsPath}/{fault.Id}", fault)
            : TypedResults.ValidationProblem(injection.Problems, title: "The fault request is invalid.");
    }

    private static Results<NoContent, NotFound> ClearFault(Guid id, DemoFaultService service) =>
        service.Clear(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static NoContent ClearAllFaults(DemoFaultService service)
    {
        service.ClearAll();
        return TypedResults.NoContent();
    }
}
