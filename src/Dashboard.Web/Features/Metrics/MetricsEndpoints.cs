using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Web.Features.Metrics;

public static class MetricsEndpoints
{
    // The snapshot's shape is a public contract: nulls are written whatever the app's global JSON settings.
    private static readonly JsonSerializerOptions ContractJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>GET /api/metrics/snapshot?window=5m</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/metrics").WithTags("Metrics");
        group.MapGet("/snapshot", GetSnapshotAsync)
            .WithName("GetMetricsSnapshot")
            .WithSummary("Every derived metric per cohort, segment and region over a window ending now.")
            .Produces<MetricsSnapshotResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<IResult> GetSnapshotAsync(string? window, IMetricsReader reader, CancellationToken cancellationToken)
    {
        if (!SnapshotWindow.TryParse(window, out var span))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["window"] = [SnapshotWindow.Rule] },
                detail: $"Invalid query parameter 'window': {SnapshotWindow.Rule}.");
        }

        try
        {
            var snapshot = await reader.ReadSnapshotAsync(span, cancellationToken);
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
