using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// The REST API of health checks (docs/monitoring.md): lists, per rollout, one page at a time like the other lists
/// (<c>limit</c>, <c>cursor</c>, <c>X-Next-Cursor</c>; docs/rollouts-api.md, "Pages"), and the cadences' schedule as
/// Quartz holds it.
/// </summary>
public static class HealthCheckEndpoints
{
    public const string Path = "/api/health-checks";

    public static IEndpointRouteBuilder MapHealthCheckEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path).WithTags("Monitoring");
        group.MapGet("", (string? cadence, Guid? rolloutId, string? verdict, string? limit, string? cursor, HttpContext context, HealthCheckService service, CancellationToken ct) =>
                ListAsync(new(cadence, rolloutId, verdict, limit, cursor), context, service, ct))
            .WithName("ListHealthChecks")
            .WithSummary("Health checks newest first, optionally of one cadence (Intensive, Close, Daily, Weekly), rollout or verdict (Pass, Warn, Fail, NoData); one page at a time: limit 1..1000 (default 100), cursor from X-Next-Cursor.")
            .Produces<IReadOnlyList<HealthCheckView>>().ProducesValidationProblem();
        group.MapGet("/schedule", (MonitoringScheduler scheduler, CancellationToken ct) => scheduler.ReadAsync(ct))
            .WithName("GetHealthCheckSchedule")
            .WithSummary("Each cadence's Quartz trigger: enabled, cron expression and time zone or interval, next and previous fire time.");
        endpoints.MapGet($"{RolloutEndpoints.RolloutsPath}/{{id:guid}}/health-checks", async (Guid id, string? cadence, string? verdict, string? limit, string? cursor, HttpContext context, RolloutStore rollouts, HealthCheckService service, CancellationToken ct) =>
                await rollouts.FindAsync(id, ct) is null
                    ? Results.Problem(detail: $"Rollout {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.")
                    : await ListAsync(new(cadence, id, verdict, limit, cursor), context, service, ct))
            .WithTags("Monitoring").WithName("ListRolloutHealthChecks")
            .WithSummary("The rollout's health checks newest first, with the same filters and pages as /api/health-checks.")
            .Produces<IReadOnlyList<HealthCheckView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ListParameters parameters, HttpContext context, HealthCheckService service, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var cadence = ParseEnum<MonitoringCadence>(parameters.Cadence, "cadence", "cadence must be one of Intensive, Close, Daily, Weekly", problems);
        var verdict = ParseEnum<Verdict>(parameters.Verdict, "verdict", "verdict must be one of Pass, Warn, Fail, NoData", problems);

        // The same limit rule and words as every paginated list; the cursor is this list's own (a position, not an offset).
        var page = PageRequest.Parse(parameters.Limit, cursor: null);
        foreach (var (key, value) in page.Problems)
        {
            problems[key] = value;
        }

        HealthCheckPosition? after = null;
        if (!string.IsNullOrWhiteSpace(parameters.Cursor) && (after = HealthCheckCursor.Parse(parameters.Cursor.Trim())) is null)
        {
            problems["cursor"] = [PageRequest.NotACursor];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        var limit = page.Value!.Limit;
        var query = new HealthCheckQuery(cadence, parameters.RolloutId, verdict, limit, After: after);
        var checks = await service.ListAsync(query, ct);
        if (checks.Count == limit && checks[^1] is var last
            && (await service.ListAsync(query with { Limit = 1, After = new(last.RanAt, last.Id) }, ct)).Count > 0)
        {
            Paging.AnnounceNext(context, limit, HealthCheckCursor.Of(last));
        }

        return Results.Ok(checks);
    }

    private static T? ParseEnum<T>(string? text, string key, string problem, Dictionary<string, string[]> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        problems[key] = [problem];
        return null;
    }

    private sealed record ListParameters(string? Cadence, Guid? RolloutId, string? Verdict, string? Limit, string? Cursor);
}
