using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>The REST API of health checks (docs/monitoring.md): lists, per rollout, and the cadences' schedule as Quartz holds it.</summary>
public static class HealthCheckEndpoints
{
    public const string Path = "/api/health-checks";

    public static IEndpointRouteBuilder MapHealthCheckEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path).WithTags("Monitoring");
        group.MapGet("", (string? cadence, Guid? rolloutId, string? verdict, int? limit, HealthCheckService service, CancellationToken ct) =>
                ListAsync(cadence, rolloutId, verdict, limit, service, ct))
            .WithName("ListHealthChecks")
            .WithSummary("Health checks newest first, optionally of one cadence (Intensive, Close, Daily, Weekly), rollout or verdict (Pass, Warn, Fail, NoData); limit 1..1000, default 100.")
            .Produces<IReadOnlyList<HealthCheckView>>().ProducesValidationProblem();
        group.MapGet("/schedule", (MonitoringScheduler scheduler, CancellationToken ct) => scheduler.ReadAsync(ct))
            .WithName("GetHealthCheckSchedule")
            .WithSummary("Each cadence's Quartz trigger: enabled, cron expression and time zone or interval, next and previous fire time.");
        endpoints.MapGet($"{RolloutEndpoints.RolloutsPath}/{{id:guid}}/health-checks", async (Guid id, string? cadence, string? verdict, int? limit, RolloutStore rollouts, HealthCheckService service, CancellationToken ct) =>
                await rollouts.FindAsync(id, ct) is null
                    ? Results.Problem(detail: $"Rollout {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.")
                    : await ListAsync(cadence, id, verdict, limit, service, ct))
            .WithTags("Monitoring").WithName("ListRolloutHealthChecks")
            .WithSummary("The rollout's health checks newest first, with the same filters as /api/health-checks.")
            .Produces<IReadOnlyList<HealthCheckView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? cadence, Guid? rolloutId, string? verdict, int? limit, HealthCheckService service, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        MonitoringCadence? parsedCadence = null;
        if (!string.IsNullOrEmpty(cadence))
        {
            if (Enum.TryParse<MonitoringCadence>(cadence, ignoreCase: true, out var c) && Enum.IsDefined(c))
            {
                parsedCadence = c;
            }
            else
            {
                problems["cadence"] = ["cadence must be one of Intensive, Close, Daily, Weekly"];
            }
        }

        Verdict? parsedVerdict = null;
        if (!string.IsNullOrEmpty(verdict))
        {
            if (Enum.TryParse<Verdict>(verdict, ignoreCase: true, out var v) && Enum.IsDefined(v))
            {
                parsedVerdict = v;
            }
            else
            {
                problems["verdict"] = ["verdict must be one of Pass, Warn, Fail, NoData"];
            }
        }

        if (limit is < 1 or > HealthCheckQuery.MaxLimit)
        {
            problems["limit"] = [$"limit must be within 1..{HealthCheckQuery.MaxLimit}"];
        }

        return problems.Count > 0
            ? Results.ValidationProblem(problems)
            : Results.Ok(await service.ListAsync(new HealthCheckQuery(parsedCadence, rolloutId, parsedVerdict, limit ?? HealthCheckQuery.DefaultLimit), ct));
    }
}
