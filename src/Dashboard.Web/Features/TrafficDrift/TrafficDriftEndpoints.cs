using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// The REST API of traffic drift (docs/traffic.md): the latest report, a fresh check, and the audited
/// reconcile. Thin: the rules live in <see cref="TrafficDriftMonitor"/> and <see cref="RolloutService"/>.
/// </summary>
public static class TrafficDriftEndpoints
{
    public const string DriftPath = "/api/routing/drift";

    public static IEndpointRouteBuilder MapTrafficDriftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var drift = endpoints.MapGroup(DriftPath).WithTags("Routing");
        drift.MapGet("", (TrafficDriftMonitor monitor) => monitor.Current)
            .WithName("GetTrafficDrift").WithSummary("The latest comparison of the router's actual split with the recorded weight (NotChecked before the first).");
        drift.MapPost("/check", (TrafficDriftMonitor monitor, CancellationToken ct) => monitor.CheckAsync(ct))
            .RequiresOperation(Operation.CheckTrafficDrift)
            .WithName("CheckTrafficDrift").WithSummary("Reads the router and the state store now and returns the new report. For operators: it opens the router's socket.")
            .Produces<TrafficDriftReport>().ProducesProblem(StatusCodes.Status403Forbidden);
        drift.MapPost("/reconcile", ReconcileAsync)
            .RequiresOperation(Operation.ReconcileTraffic)
            .WithName("ReconcileTraffic")
            .WithSummary("Re-applies the recorded weight of the rollout started last when the router runs something else; audited, applied only when read back.")
            .Produces<RolloutCommandResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status202Accepted);
        return endpoints;
    }

    private static async Task<IResult> ReconcileAsync(
        ReconcileTrafficRequest? request, ClaimsPrincipal user, RolloutService rollouts, TrafficDriftMonitor monitor, CancellationToken ct)
    {
        var outcome = await rollouts.ReconcileTrafficAsync(ActorResolver.From(user), request?.Reason, ct);

        // The router was read (and perhaps moved): the report a client reads next must say what it found.
        if (outcome.Kind is OutcomeKind.Succeeded or OutcomeKind.RouterFailed or OutcomeKind.Conflict)
        {
            await monitor.CheckAsync(CancellationToken.None);
        }

        return outcome.ToHttpResult();
    }
}
