using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Web.Features.Metrics;

public static class MetricsEndpoints
{
    // The snapshot's shape is a public contract: nulls are written whatever the app's global JSON settings.
    private static readonly JsonSerializerOptions ContractJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>GET /api/metrics/snapshot?window=5m</c> and <c>?at=2026-11-02T03:12:00Z</c> (docs/board-history.md).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/metrics").WithTags("Metrics");
        group.MapGet("/snapshot", GetSnapshotAsync)
            .WithName("GetMetricsSnapshot")
            .WithSummary("Every derived metric per cohort, segment and region over a window ending now, or at a past moment (at).")
            .Produces<MetricsSnapshotResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<IResult> GetSnapshotAsync(string? window, string? at, IMetricsReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Every problem at once, by field, so a caller fixes its request in one go.
        var problems = new Dictionary<string, string[]>();
        if (!SnapshotWindow.TryParse(window, out var span))
        {
            problems["window"] = [SnapshotWindow.Rule];
        }

        DateTimeOffset? end = null;
        if (at is not null)
        {
            if (SnapshotMoment.Check(at, clock.GetUtcNow(), out var moment) is { } problem)
            {
                problems["at"] = [problem];
            }
            else
            {
                end = moment;
            }
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(
                problems,
                detail: "Invalid query parameters: " + string.Join("; ", problems.Select(p => $"'{p.Key}': {p.Value[0]}")) + ".");
        }

        try
        {
            var snapshot = end is { } past
                ? await reader.ReadSnapshotEndingAsync(past, span, cancellationToken)
                : await reader.ReadSnapshotAsync(span, cancellationToken);
            return Results.Json(MetricsSnapshotResponse.From(snapshot), ContractJson);
        }
        catch (InfluxException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "InfluxDB is unavailable",
                detail: exception.ServerMessage is { } server && !exception.Message.Contains(server, StringComparison.Ordinal)
                    ? $"{exception.Message} ({server})"
                    : exception.Message);
        }
    }
}
