using System.Text.Json.Serialization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// A persisted health check as the API and pages show it. <see cref="LateBy"/> is null when it ran
/// within <see cref="LateAfter"/> of its due time — a calendar check caught up at start-up is late.
/// </summary>
public sealed record HealthCheckView(
    Guid Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MonitoringCadence>))] MonitoringCadence Cadence,
    Guid? RolloutId,
    int? PhaseIndex,
    string? Phase,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset DueAt,
    DateTimeOffset RanAt,
    TimeSpan? LateBy,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Verdict>))] Verdict Verdict,
    string Summary,
    IReadOnlyList<HealthCheckMetricView> Metrics)
{
    /// <summary>Ran this much after the due time or more counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(30);

    public static HealthCheckView From(HealthCheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var late = record.RanAt - record.DueAt;
        return new(
            record.Id, Enum.Parse<MonitoringCadence>(record.Cadence), record.RolloutId, record.PhaseIndex, record.PhaseName,
            record.WindowStart, record.WindowEnd, record.DueAt, record.RanAt, late >= LateAfter ? late : null,
            Enum.Parse<Verdict>(record.OverallVerdict), record.Summary,
            [.. HealthCheckStore.ReadMetrics(record).Select(HealthCheckMetricView.From)]);
    }
}
