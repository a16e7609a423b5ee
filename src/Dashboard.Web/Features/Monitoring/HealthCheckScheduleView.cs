using System.Text.Json.Serialization;
using Dashboard.Core.Monitoring;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// One cadence's trigger as Quartz holds it: enabled or not, the cron expression (calendar cadences,
/// run in <see cref="TimeZone"/>) or the repeat interval (intensive), and the next and previous fire
/// times Quartz itself reports.
/// </summary>
public sealed record HealthCheckScheduleView(
    [property: JsonConverter(typeof(JsonStringEnumConverter<MonitoringCadence>))] MonitoringCadence Cadence,
    bool Enabled,
    string Description,
    string? CronExpression,
    string? TimeZone,
    TimeSpan? Interval,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? PreviousFiredAt);
