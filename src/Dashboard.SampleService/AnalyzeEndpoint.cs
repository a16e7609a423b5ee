using Microsoft.Extensions.Options;

namespace Dashboard.SampleService;

/// <summary>
/// <c>GET /analyze</c> and <c>GET /</c>: waits a latency drawn from the profile, then answers 200, or
/// 500 at the configured error rate. The segment and region come from <c>X-Segment</c>/<c>X-Region</c>
/// (or the <c>segment</c>/<c>region</c> query), else a random configured value; a value that is not
/// configured is refused with 400 and not counted, so callers cannot grow the tag cardinality.
/// </summary>
public static class AnalyzeEndpoint
{
    public const string SegmentHeader = "X-Segment";
    public const string RegionHeader = "X-Region";

    public static IEndpointRouteBuilder MapAnalyze(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/analyze", HandleAsync);
        endpoints.MapGet("/", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IOptions<SampleOptions> options, RequestAggregator aggregator, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var sample = options.Value;
        var segment = Pick(request, SegmentHeader, "segment", sample.SegmentList);
        var region = Pick(request, RegionHeader, "region", sample.RegionList);
        if (segment is null || region is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: $"Unknown segment or region; this service knows segments {sample.Segments} and regions {sample.Regions}.");
        }

        var latency = new LatencyProfile(sample.LatencyMedianMs, sample.LatencySpread).Draw(Random.Shared);
        var isError = Random.Shared.NextDouble() * 100 < sample.ErrorRatePct;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        // The drawn latency is what the profile promises and what is recorded: it dominates the real
        // service time here, and keeps the histogram buckets a test can predict.
        aggregator.Record(segment, region, latency, isError);
        var body = new AnalyzeAnswer(sample.Service, sample.Cohort, sample.Version, segment, region, Math.Round(latency.TotalMilliseconds, 1));
        return isError
            ? Results.Json(body, statusCode: StatusCodes.Status500InternalServerError)
            : Results.Json(body);
    }

    private static string? Pick(HttpRequest request, string header, string query, IReadOnlyList<string> allowed)
    {
        string? named = request.Headers[header].FirstOrDefault() ?? request.Query[query].FirstOrDefault();
        if (string.IsNullOrEmpty(named))
        {
            return allowed[Random.Shared.Next(allowed.Count)];
        }

        return allowed.Contains(named, StringComparer.Ordinal) ? named : null;
    }
}
