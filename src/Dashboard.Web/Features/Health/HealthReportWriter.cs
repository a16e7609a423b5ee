using System.Text.Json;
using Dashboard.Web.Features.Access;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Health;

/// <summary>
/// Writes a health report as JSON: the overall status and each dependency's status. Signed-in people and API keys
/// also get each dependency's latency in milliseconds and error text; anonymous callers (load balancers) and kiosk
/// screens do not, since the error names internal addresses such as the InfluxDB URL (docs/security.md).
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        object body = MaySeeDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => (object)new
                    {
                        status = e.Value.Status.ToString(),
                        latencyMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                        error = e.Value.Description,
                    }),
            }
            : new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => (object)new { status = e.Value.Status.ToString() }),
            };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static bool MaySeeDetails(HttpContext context) =>
        ActorResolver.From(context.User).Kind is ActorKind.Person or ActorKind.ApiKey;
}
