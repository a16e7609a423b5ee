using System.Security.Claims;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// The checkpoint API (docs/checkpoints.md): the verdicts, one checkpoint with its decisions, a
/// decision, a re-run. Thin: the rules live in <see cref="CheckpointDecisionService"/> and
/// <see cref="CheckpointReevaluation"/>. Evaluations are written as stored (camelCase, enums as names).
/// </summary>
public static class CheckpointEndpoints
{
    private const string One = "/{id:guid}/checkpoints/{phaseIndex:int}/{offsetSeconds:long}";

    /// <summary>Maps <c>/api/rollouts/{id}/checkpoints</c> and the routes of one checkpoint under it.</summary>
    public static IEndpointRouteBuilder MapCheckpointEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var rollouts = endpoints.MapGroup(RolloutEndpoints.RolloutsPath).WithTags("Checkpoints");
        rollouts.MapGet("/{id:guid}/checkpoints", async (Guid id, RolloutStore store, CheckpointVerdictStore verdicts, IOptions<RolloutClockOptions> clock, CancellationToken ct) =>
                await store.FindAsync(id, ct) is null
                    ? NotFound($"Rollout {id} does not exist.")
                    : Results.Ok((await verdicts.ListAsync(id, ct)).Select(record => CheckpointVerdictView.From(record, clock.Value)).ToList()))
            .WithName("ListCheckpointVerdicts")
            .WithSummary("The rollout's persisted checkpoint verdicts in due order: per criterion the measured values, the InfluxQL, the samples, the verdict; the decision; how late.")
            .Produces<IReadOnlyList<CheckpointVerdictView>>().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapGet(One, async (Guid id, int phaseIndex, long offsetSeconds, CheckpointDetails details, CancellationToken ct) =>
                await details.FindAsync(id, phaseIndex, offsetSeconds, ct) is { } checkpoint
                    ? Results.Ok(new CheckpointResponse(checkpoint.Verdict, checkpoint.Decisions))
                    : NotFound($"Rollout {id} has no evaluated checkpoint {offsetSeconds} s into phase {phaseIndex}."))
            .WithName("GetCheckpoint").WithSummary("One evaluated checkpoint (latest run of the phase) with the decisions people recorded on it, oldest first.")
            .Produces<CheckpointResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapPost($"{One}/decision", async (Guid id, int phaseIndex, long offsetSeconds, CheckpointDecisionRequest? request, ClaimsPrincipal user, CheckpointDecisionService service, CancellationToken ct) =>
                (await service.RecordAsync(id, phaseIndex, offsetSeconds, request ?? new(null, null, null), ActorResolver.From(user), ct))
                    .ToHttpResult(_ => CheckpointRoutes.Api(id, phaseIndex, offsetSeconds)))
            .WithName("RecordCheckpointDecision")
            .WithSummary("Records a person's decision (Continue, MonitorClosely, ReduceTraffic, Abort) with notes and action items; audited. Moves no traffic.")
            .Produces<CheckpointDecisionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        rollouts.MapPost($"{One}/rerun", async (Guid id, int phaseIndex, long offsetSeconds, CheckpointRerunRequest? request, ClaimsPrincipal user, CheckpointReevaluation service, CancellationToken ct) =>
            {
                var outcome = await service.RerunAsync(id, phaseIndex, offsetSeconds, request ?? new(null), ActorResolver.From(user), ct);
                return outcome is { Kind: OutcomeKind.Succeeded, Value: { } rerun }
                    ? Results.Json(rerun, CheckpointVerdictStore.Json)
                    : outcome.ToHttpResult(_ => CheckpointRoutes.Api(id, phaseIndex, offsetSeconds));
            })
            .WithName("RerunCheckpoint")
            .WithSummary("Evaluates the stored checkpoint's window again and returns the fresh result beside the stored one, differences marked. Never replaces the verdict or acts; audited.")
            .Produces<CheckpointRerun>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
